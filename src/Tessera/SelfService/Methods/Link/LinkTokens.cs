// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using Dapper;
using Tessera.Hosting;
using Tessera.Persistence;
using Tessera.Security.Secrets;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Methods.Code;

namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// Issues and uses the one-time tokens of e-mailed links. A token is 32 random letters and digits (about 190 bits, so
/// guessing is hopeless and no attempt counting is needed), kept only as an HMAC bound to its flow under the server
/// secret, the same machinery as the codes (<see cref="OneTimeCode"/>). Using one is a conditional UPDATE on
/// <c>used_at</c>: of any number of requests carrying it, exactly one succeeds.
/// </summary>
internal sealed class LinkTokens(Database database, NetworkContext network, LinkMethodOptions options, ServerSecrets secrets, PublicUrls urls, TimeProvider clock)
{
    private const int Length = 32;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // A flow holds a token per "send me a link"; only the newest few are looked at, which bounds the work per request.
    private const int NewestLooked = 10;

    /// <summary>
    /// A new token for the stored flow (earlier ones stay usable until they expire) and the link carrying it; it lives
    /// <paramref name="lifespan"/>, else <c>selfservice.methods.link.config.lifespan</c>.
    /// </summary>
    public async Task<Uri> IssueAsync(Flow flow, string address, Guid? identityId, CancellationToken cancellationToken, TimeSpan? lifespan = null)
    {
        var token = RandomNumberGenerator.GetString(Alphabet, Length);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO selfservice_link_tokens (id, nid, flow_id, token_hmac, address, identity_id, expires_at, used_at, created_at)
            VALUES (@Id, @Nid, @FlowId, @TokenHmac, @Address, @IdentityId, @ExpiresAt, NULL, @Now)
            """,
            new
            {
                Id = Guid.NewGuid(),
                Nid = network.Id,
                FlowId = flow.Id,
                TokenHmac = OneTimeCode.Hash(token, flow.Id, secrets.For(SecretPurpose.OneTimeCodes)),
                Address = address,
                IdentityId = identityId,
                ExpiresAt = now + (lifespan ?? options.Lifespan),
                Now = now,
            });

        var root = (options.BaseUrl ?? urls.BaseUrl).AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/self-service/{FlowNames.Of(flow.Kind)}?flow={flow.Id}&token={token}");
    }

    /// <summary>Uses the token the link carried; see <see cref="LinkTokenUse"/> for the outcomes.</summary>
    public async Task<LinkTokenUse> UseAsync(Guid flowId, string submitted, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var tokens = await connection.QueryAsync<LinkToken>(
            $"""
            SELECT id, flow_id, token_hmac, address, identity_id, expires_at, used_at FROM selfservice_link_tokens
            WHERE nid = @Nid AND flow_id = @FlowId ORDER BY created_at DESC LIMIT {NewestLooked}
            """,
            new { Nid = network.Id, FlowId = flowId });

        // Every token is compared (in constant time), so the time taken does not say which one matched.
        var keys = secrets.For(SecretPurpose.OneTimeCodes);
        LinkToken? match = null;
        foreach (var token in tokens)
        {
            if (OneTimeCode.Matches(submitted, token.TokenHmac, flowId, keys))
            {
                match ??= token;
            }
        }

        if (match is null || match.IdentityId is null)
        {
            return LinkTokenUse.Invalid(now);
        }

        var used = await connection.ExecuteAsync(
            "UPDATE selfservice_link_tokens SET used_at = @Now WHERE nid = @Nid AND id = @Id AND used_at IS NULL",
            new { Nid = network.Id, match.Id, Now = now });
        if (used != 1)
        {
            return LinkTokenUse.Invalid(now);
        }

        return new LinkTokenUse(match, Expired: match.ExpiresAt <= now, now);
    }
}
