// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.Identities.Admin;

namespace Tessera.Sessions;

/// <summary>
/// Builds Kratos's session object with the identity expanded as a session shows it: traits, addresses and public
/// metadata, never credentials or admin metadata. Admin reads expand only what <c>expand</c> asks for.
/// </summary>
internal sealed class SessionResponder(IdentityStore identities, IdentityResponseFactory identityResponses)
{
    public async Task<SessionResponse> ToResponseAsync(Session session, CancellationToken cancellationToken = default) =>
        ToResponse(session, await identities.GetAsync(session.IdentityId, cancellationToken), SessionExpand.Everything);

    public Task<SessionResponse> ToResponseAsync(Session session, Identity identity, CancellationToken cancellationToken = default) =>
        Task.FromResult(ToResponse(session, identity, SessionExpand.Everything));

    /// <summary>A list of sessions, each identity read once however many of its sessions the list holds.</summary>
    public async Task<List<SessionResponse>> ToResponsesAsync(
        IEnumerable<Session> sessions, SessionExpand expand, CancellationToken cancellationToken = default)
    {
        var loaded = new Dictionary<Guid, Identity?>();
        var list = new List<SessionResponse>();
        foreach (var session in sessions)
        {
            Identity? identity = null;
            if (expand.HasFlag(SessionExpand.Identity) && !loaded.TryGetValue(session.IdentityId, out identity))
            {
                identity = loaded[session.IdentityId] = await identities.GetAsync(session.IdentityId, cancellationToken);
            }

            list.Add(ToResponse(session, identity, expand));
        }

        return list;
    }

    private SessionResponse ToResponse(Session session, Identity? identity, SessionExpand expand) => SessionResponse.From(
        session,
        identity is null || !expand.HasFlag(SessionExpand.Identity) ? null : identityResponses.Public(identity),
        expand.HasFlag(SessionExpand.Devices));
}
