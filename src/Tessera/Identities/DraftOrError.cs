// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Identities;

/// <summary>The update a caller derives from the identity as stored, or the catalog error that refuses it (a patch that does not apply).</summary>
internal readonly record struct DraftOrError(IdentityDraft? Draft, TesseraError? Error)
{
    public static implicit operator DraftOrError(IdentityDraft draft) => new(draft, null);

    public static implicit operator DraftOrError(TesseraError error) => new(null, error);
}
