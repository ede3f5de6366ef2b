// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.OAuth2.Authorization.Flows;

/// <summary>
/// <c>oauth2_flows</c>, scoped to this node's project. Lookups are by the hash of a challenge or verifier; every
/// change is a conditional UPDATE from the state it expects, so of two concurrent accepts (or redemptions) exactly
/// one wins, whichever node each ran on.
/// </summary>
internal sealed class AuthorizationFlowStore(Database database, NetworkContext network)
{
    private const string Columns =
        """
        id, state, client_id, request_url, requested_scope, requested_audience, oidc_context, subject, login_skip,
        login_session_id, login_remember, login_remember_for, login_acr, login_amr, login_context,
        identity_provider_session_id, authenticated_at, login_error, login_handled_at, consent_skip, grant_scope,
        grant_audience, consent_remember, consent_remember_for, consent_session, consent_context, consent_error,
        consent_handled_at, requested_at, expires_at
        """;

    public async Task InsertAsync(AuthorizationFlow flow, string loginChallengeHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO oauth2_flows (nid, login_challenge_hash, {Columns})
            VALUES (@Nid, @LoginChallengeHash, @Id, @State, @ClientId, @RequestUrl, @RequestedScope, @RequestedAudience,
                @OidcContext, @Subject, @LoginSkip, @LoginSessionId, @LoginRemember, @LoginRememberFor, @LoginAcr, @LoginAmr,
                @LoginContext, @IdentityProviderSessionId, @AuthenticatedAt, @LoginError, @LoginHandledAt, @ConsentSkip,
                @GrantScope, @GrantAudience, @ConsentRemember, @ConsentRememberFor, @ConsentSession, @ConsentContext,
                @ConsentError, @ConsentHandledAt, @RequestedAt, @ExpiresAt)
            """,
            new
            {
                Nid = network.Id, LoginChallengeHash = loginChallengeHash, flow.Id, flow.State, flow.ClientId, flow.RequestUrl,
                flow.RequestedScope, flow.RequestedAudience, flow.OidcContext, flow.Subject, flow.LoginSkip, flow.LoginSessionId,
                flow.LoginRemember, flow.LoginRememberFor, flow.LoginAcr, flow.LoginAmr, flow.LoginContext,
                flow.IdentityProviderSessionId, flow.AuthenticatedAt, flow.LoginError, flow.LoginHandledAt, flow.ConsentSkip,
                flow.GrantScope, flow.GrantAudience, flow.ConsentRemember, flow.ConsentRememberFor, flow.ConsentSession,
                flow.ConsentContext, flow.ConsentError, flow.ConsentHandledAt, flow.RequestedAt, flow.ExpiresAt,
            },
            cancellationToken: cancellationToken));
    }

    public Task<AuthorizationFlow?> FindByLoginChallengeAsync(string hash, CancellationToken cancellationToken = default) =>
        FindAsync("login_challenge_hash", hash, cancellationToken);

    public Task<AuthorizationFlow?> FindByLoginVerifierAsync(string hash, CancellationToken cancellationToken = default) =>
        FindAsync("login_verifier_hash", hash, cancellationToken);

    public Task<AuthorizationFlow?> FindByConsentChallengeAsync(string hash, CancellationToken cancellationToken = default) =>
        FindAsync("consent_challenge_hash", hash, cancellationToken);

    public Task<AuthorizationFlow?> FindByConsentVerifierAsync(string hash, CancellationToken cancellationToken = default) =>
        FindAsync("consent_verifier_hash", hash, cancellationToken);

    public async Task<AuthorizationFlow?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AuthorizationFlow>(new CommandDefinition(
            $"SELECT {Columns} FROM oauth2_flows WHERE nid = @Nid AND id = @Id",
            new { Nid = network.Id, Id = id },
            cancellationToken: cancellationToken));
    }

    /// <summary>Login accepted (or rejected, when <see cref="AuthorizationFlow.LoginError"/> is set): once, from <c>login_initialized</c>.</summary>
    public Task<bool> HandleLoginAsync(AuthorizationFlow flow, string verifierHash, CancellationToken cancellationToken = default) =>
        TransitionAsync(flow.Id, FlowState.LoginInitialized,
            """
            state = @State, login_verifier_hash = @VerifierHash, subject = @Subject, login_session_id = @LoginSessionId,
            login_remember = @LoginRemember, login_remember_for = @LoginRememberFor, login_acr = @LoginAcr,
            login_amr = @LoginAmr, login_context = @LoginContext, identity_provider_session_id = @IdentityProviderSessionId,
            authenticated_at = @AuthenticatedAt, login_error = @LoginError, login_handled_at = @LoginHandledAt
            """,
            new
            {
                flow.State, VerifierHash = verifierHash, flow.Subject, flow.LoginSessionId, flow.LoginRemember, flow.LoginRememberFor,
                flow.LoginAcr, flow.LoginAmr, flow.LoginContext, flow.IdentityProviderSessionId, flow.AuthenticatedAt,
                flow.LoginError, flow.LoginHandledAt,
            },
            cancellationToken);

    /// <summary>The login verifier redeemed: the flow now waits for consent under a new challenge. Once, from <c>login_unused</c>.</summary>
    public Task<bool> StartConsentAsync(AuthorizationFlow flow, string consentChallengeHash, CancellationToken cancellationToken = default) =>
        TransitionAsync(flow.Id, FlowState.LoginUnused,
            "state = @State, consent_challenge_hash = @ChallengeHash, consent_skip = @ConsentSkip, login_session_id = @LoginSessionId",
            new { State = FlowState.ConsentInitialized, ChallengeHash = consentChallengeHash, flow.ConsentSkip, flow.LoginSessionId },
            cancellationToken);

    /// <summary>Consent accepted (or rejected): once, from <c>consent_initialized</c>.</summary>
    public Task<bool> HandleConsentAsync(AuthorizationFlow flow, string verifierHash, CancellationToken cancellationToken = default) =>
        TransitionAsync(flow.Id, FlowState.ConsentInitialized,
            """
            state = @State, consent_verifier_hash = @VerifierHash, grant_scope = @GrantScope, grant_audience = @GrantAudience,
            consent_remember = @ConsentRemember, consent_remember_for = @ConsentRememberFor, consent_session = @ConsentSession,
            consent_context = @ConsentContext, consent_error = @ConsentError, consent_handled_at = @ConsentHandledAt
            """,
            new
            {
                flow.State, VerifierHash = verifierHash, flow.GrantScope, flow.GrantAudience, flow.ConsentRemember,
                flow.ConsentRememberFor, flow.ConsentSession, flow.ConsentContext, flow.ConsentError, flow.ConsentHandledAt,
            },
            cancellationToken);

    /// <summary>The last verifier redeemed (a code issued or an error sent): the flow can do nothing more.</summary>
    public Task<bool> SpendAsync(Guid id, string expectedState, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, expectedState, "state = @State", new { State = FlowState.ConsentUsed }, cancellationToken);

    public async Task<int> DeleteExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oauth2_flows WHERE nid = @Nid AND expires_at < @Before",
            new { Nid = network.Id, Before = before },
            cancellationToken: cancellationToken));
    }

    private async Task<AuthorizationFlow?> FindAsync(string column, string hash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AuthorizationFlow>(new CommandDefinition(
            $"SELECT {Columns} FROM oauth2_flows WHERE nid = @Nid AND {column} = @Hash",
            new { Nid = network.Id, Hash = hash },
            cancellationToken: cancellationToken));
    }

    private async Task<bool> TransitionAsync(Guid id, string from, string set, object values, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("Nid", network.Id);
        parameters.Add("Id", id);
        parameters.Add("From", from);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE oauth2_flows SET {set} WHERE nid = @Nid AND id = @Id AND state = @From",
            parameters,
            cancellationToken: cancellationToken)) == 1;
    }
}
