// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.Identities.Admin;

namespace Tessera.Sessions;

/// <summary>
/// Builds Kratos's session object with the identity expanded as a session shows it: traits, addresses and public
/// metadata, never credentials or admin metadata.
/// </summary>
internal sealed class SessionResponder(IdentityStore identities, IdentityResponseFactory identityResponses)
{
    public async Task<SessionResponse> ToResponseAsync(Session session, CancellationToken cancellationToken = default) =>
        ToResponse(session, await identities.GetAsync(session.IdentityId, cancellationToken));

    public Task<SessionResponse> ToResponseAsync(Session session, Identity identity, CancellationToken cancellationToken = default) =>
        Task.FromResult(ToResponse(session, identity));

    private SessionResponse ToResponse(Session session, Identity? identity) => SessionResponse.From(
        session,
        identity is null ? null : identityResponses.Public(identity));
}
