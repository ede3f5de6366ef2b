// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.WebUtilities;
using Tessera.Errors;

namespace Tessera.Identities.Admin;

/// <summary>The error of one failed batch item, in the shape of Kratos's error body.</summary>
internal sealed record BatchPatchError(string Id, int Code, string Status, string Reason, string Message, IReadOnlyDictionary<string, object?>? Details)
{
    public static BatchPatchError From(TesseraError error) => new(
        error.Descriptor.Id, error.Status, ReasonPhrases.GetReasonPhrase(error.Status), error.EffectiveReason, error.Descriptor.Message, error.Details);
}
