// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Identities;
using Tessera.Identities.Admin;
using Tessera.Persistence;
using Tessera.SelfService.Hooks;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// Creates the registering identity around registration's after-hooks (issue 8), bound to the flow's single use: the
/// identity is inserted in the same transaction that claims the flow, so one flow creates at most one identity however
/// many submissions race, and a submission that fails (an identifier already taken) leaves the flow usable.
/// </summary>
internal sealed class RegistrationIdentityCreator(IdentityManager identities, IdentityStore store, FlowStore flows, Database database, FlowHooks hooks)
{
    /// <summary>The identity, or why there is none; null when another submission completed the flow first (nothing was written).</summary>
    /// <param name="method">The method registering (<c>password</c>, <c>passkey</c>): its after-hooks run, and the flow records it.</param>
    /// <param name="addCredential">Adds the method's own credential to the validated identity (a passkey), when the draft does not carry it.</param>
    public async Task<IdentityResult?> CreateAsync(
        HttpContext context, Flow flow, IdentityDraft draft, CancellationToken cancellationToken, string method = "password", Action<Identity>? addCredential = null)
    {
        // Hook points (issue 8): the draft is validated, the after-hooks that can interrupt run on it (a refusal leaves
        // no identity behind), it is stored, then the other after-hooks run. A refusal's messages are put on the flow.
        var (prePersist, postPersist) = hooks.After(FlowKind.Registration, method).SplitForPersist();
        var prepared = await identities.PrepareNewAsync(draft, cancellationToken);
        if (!prepared.Succeeded)
        {
            return prepared;
        }

        addCredential?.Invoke(prepared.Value);

        var hooked = await hooks.RunAsync(prePersist, context, flow, prepared.Value, cancellationToken);
        if (hooked.Stopped is { } stop)
        {
            HookMessages.AddTo(flow.Ui, stop);
            return stop.Error!;
        }

        if (hooked.IdentityChanged && !(prepared = await identities.ReviseAsync(prepared.Value, cancellationToken)).Succeeded)
        {
            return prepared;
        }

        switch (await InsertClaimingAsync(flow, prepared.Value, method, cancellationToken))
        {
            case null:
                return null;
            case StoreWriteResult.Conflict:
                return ErrorCatalog.IdentityConflict;
        }

        await hooks.RunAsync(postPersist, context, flow with { IdentityId = prepared.Value.Id }, prepared.Value, cancellationToken);
        return IdentityResult.Success(prepared.Value);
    }

    /// <summary>
    /// Claims the flow, then inserts the identity, in one transaction: both or neither. The claim goes first so that a
    /// losing submission waits on it (PostgreSQL's row lock, SQLite's write lock) rather than inserting at all.
    /// </summary>
    private async Task<StoreWriteResult?> InsertClaimingAsync(Flow flow, Identity identity, string method, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var passed = flow with { State = RegistrationFlowService.StatePassedChallenge, Active = method, IdentityId = identity.Id };
        if (!await flows.ClaimAsync(passed, connection, transaction))
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        var written = await store.CreateAsync(identity, connection, transaction);
        if (written == StoreWriteResult.Written)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        return written;
    }
}
