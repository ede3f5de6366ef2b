// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.OAuth2.Tokens;

/// <summary>
/// <c>oauth2_tokens</c>: issued access and refresh tokens by keyed hash, scoped to this node's project; for a
/// self-contained token (<see cref="SelfContainedTokens"/>) only its revocation.
/// </summary>
internal sealed class TokenStore(Database database, NetworkContext network)
{
    private const string Columns =
        "signature AS Signature, kind AS Kind, request_id AS RequestId, client_id AS ClientId, subject AS Subject, scope AS Scope, audience AS Audience, session_data AS SessionData, created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt, rotated_at AS RotatedAt, rotation_response AS RotationResponse, id_token_claims AS IdTokenClaims";

    public async Task InsertAsync(IEnumerable<StoredToken> tokens, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO oauth2_tokens (signature, nid, kind, request_id, client_id, subject, scope, audience, session_data, created_at, expires_at, id_token_claims)
            VALUES (@Signature, @Nid, @Kind, @RequestId, @ClientId, @Subject, @Scope, @Audience, @SessionData, @CreatedAt, @ExpiresAt, @IdTokenClaims)
            """,
            tokens.Select(t => new { t.Signature, Nid = network.Id, t.Kind, t.RequestId, t.ClientId, t.Subject, t.Scope, t.Audience, t.SessionData, t.CreatedAt, t.ExpiresAt, t.IdTokenClaims }),
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Stores a self-contained token's row, already revoked (its revocation record); nothing when a row for it exists.
    /// </summary>
    public async Task InsertRevokedAsync(StoredToken token, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO oauth2_tokens (signature, nid, kind, request_id, client_id, subject, scope, audience, session_data, created_at, expires_at, revoked_at)
            VALUES (@Signature, @Nid, @Kind, @RequestId, @ClientId, @Subject, @Scope, @Audience, @SessionData, @CreatedAt, @ExpiresAt, @Now)
            ON CONFLICT (signature) DO NOTHING
            """,
            new { token.Signature, Nid = network.Id, token.Kind, token.RequestId, token.ClientId, token.Subject, token.Scope, token.Audience, token.SessionData, token.CreatedAt, token.ExpiresAt, Now = now },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The janitor's part: tokens, code redemptions and client assertion ids that expired before <paramref name="before"/>
    /// (a token past its expiry is inactive anyway; a redemption or jti past the code's or assertion's expiry can
    /// no longer be replayed).
    /// </summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var deleted = 0;
        foreach (var table in (string[])["oauth2_tokens", "oauth2_code_redemptions", "oauth2_client_assertions"])
        {
            deleted += await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {table} WHERE nid = @Nid AND expires_at < @Before",
                new { Nid = network.Id, Before = before },
                cancellationToken: cancellationToken));
        }

        return deleted;
    }

    public async Task<StoredToken?> FindAsync(string signature, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM oauth2_tokens WHERE signature = @Signature AND nid = @Nid",
            new { Signature = signature, Nid = network.Id },
            cancellationToken: cancellationToken));
        return row?.ToToken();
    }

    /// <summary>
    /// Marks a refresh token rotated, once (a conditional update): true for exactly one of any number of concurrent
    /// callers, on any node; false when it was rotated or revoked already.
    /// </summary>
    public async Task<bool> TryRotateAsync(string signature, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth2_tokens SET rotated_at = @Now WHERE nid = @Nid AND signature = @Signature AND rotated_at IS NULL AND revoked_at IS NULL",
            new { Nid = network.Id, Signature = signature, Now = now },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Keeps the (sealed) answer a rotation produced, for retries within the grace period.</summary>
    public async Task SetRotationResponseAsync(string signature, string sealedResponse, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth2_tokens SET rotation_response = @Response WHERE nid = @Nid AND signature = @Signature",
            new { Nid = network.Id, Signature = signature, Response = sealedResponse },
            cancellationToken: cancellationToken));
    }

    /// <summary>Revokes the access tokens of a grant (a refresh replaces them).</summary>
    public async Task RevokeAccessTokensAsync(string requestId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth2_tokens SET revoked_at = @Now WHERE nid = @Nid AND request_id = @RequestId AND kind = 'access_token' AND revoked_at IS NULL",
            new { Nid = network.Id, RequestId = requestId, Now = now },
            cancellationToken: cancellationToken));
    }

    /// <summary>Revokes every still-active token of one grant (a refresh token's chain, a reused code's tokens).</summary>
    public async Task<int> RevokeRequestAsync(string requestId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth2_tokens SET revoked_at = @Now WHERE nid = @Nid AND request_id = @RequestId AND revoked_at IS NULL",
            new { Nid = network.Id, RequestId = requestId, Now = now },
            cancellationToken: cancellationToken));
    }

    public async Task<int> RevokeAsync(string signature, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth2_tokens SET revoked_at = @Now WHERE nid = @Nid AND signature = @Signature AND revoked_at IS NULL",
            new { Nid = network.Id, Signature = signature, Now = now },
            cancellationToken: cancellationToken));
    }

    /// <summary>Revokes every token of a client (Hydra's <c>DELETE /admin/oauth2/tokens?client_id=</c>).</summary>
    public async Task<int> RevokeClientAsync(string clientId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth2_tokens SET revoked_at = @Now WHERE nid = @Nid AND client_id = @ClientId AND revoked_at IS NULL",
            new { Nid = network.Id, ClientId = clientId, Now = now },
            cancellationToken: cancellationToken));
    }

    /// <summary>Revokes every token issued for a subject (password change, disabled identity, revoked session).</summary>
    public async Task<int> RevokeSubjectAsync(string subject, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth2_tokens SET revoked_at = @Now WHERE nid = @Nid AND subject = @Subject AND revoked_at IS NULL",
            new { Nid = network.Id, Subject = subject, Now = now },
            cancellationToken: cancellationToken));
    }

    // Settable properties rather than a constructor: Dapper applies the dialect type handlers to properties.
    private sealed class Row
    {
        public string Signature { get; set; } = string.Empty;

        public string Kind { get; set; } = string.Empty;

        public string RequestId { get; set; } = string.Empty;

        public string ClientId { get; set; } = string.Empty;

        public string? Subject { get; set; }

        public string Scope { get; set; } = string.Empty;

        public string Audience { get; set; } = string.Empty;

        public string? SessionData { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        public DateTimeOffset? RevokedAt { get; set; }

        public DateTimeOffset? RotatedAt { get; set; }

        public string? RotationResponse { get; set; }

        public string? IdTokenClaims { get; set; }

        public StoredToken ToToken() =>
            new(Signature, Kind, RequestId, ClientId, Subject, Scope, Audience, SessionData, CreatedAt, ExpiresAt, RevokedAt, RotatedAt, RotationResponse, IdTokenClaims);
    }
}
