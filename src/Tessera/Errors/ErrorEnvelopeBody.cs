// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>The inner object of Kratos's error envelope; <c>request</c> is the request id.</summary>
internal sealed record ErrorEnvelopeBody(
    string Id,
    int Code,
    string Status,
    string Request,
    string Reason,
    string Message,
    IReadOnlyDictionary<string, object?>? Details);
