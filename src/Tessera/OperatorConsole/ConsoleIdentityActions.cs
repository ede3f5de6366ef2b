// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Identities;
using Tessera.Identities.Admin;
using Tessera.Sessions;

namespace Tessera.OperatorConsole;

/// <summary>What the console does to an identity: the admin API's own operations, nothing of its own.</summary>
internal sealed class ConsoleIdentityActions(IdentityManager manager, IdentityStore identities, SessionStore sessions, SessionRevocations revocations)
{
    /// <summary>
    /// Disables or enables the identity as <c>PATCH /admin/identities/{id}</c> with <c>/state</c> does (written on the
    /// version read; the identity-change listeners run). Disabling also revokes its sessions: a disabled identity's
    /// sessions already stop working, and revoked they stay ended when it is enabled again.
    /// </summary>
    public async Task<Result<Identity>> SetStateAsync(Guid id, string state, CancellationToken cancellationToken)
    {
        var result = await manager.UpdateAsync(id, current =>
        {
            var document = IdentityPatchDocument.From(current);
            document["state"] = state;
            var (draft, invalid) = IdentityDraftParser.Parse(document);
            return draft is null ? (DraftOrError)new TesseraError(ErrorCatalog.IdentityRequestMalformed, Reason: invalid) : draft;
        }, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Error;
        }

        if (state == IdentityStates.Inactive)
        {
            await sessions.RevokeAllForIdentityAsync(id, keep: null, cancellationToken);
            await revocations.NotifyAsync(id, cancellationToken);
        }

        return result.Value!;
    }

    /// <summary>Deletes the identity as <c>DELETE /admin/identities/{id}</c> does (its sessions and credentials go with it).</summary>
    public async Task<Result<Guid>> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await identities.DeleteAsync(id, cancellationToken) ? id : ErrorCatalog.IdentityNotFound;
}
