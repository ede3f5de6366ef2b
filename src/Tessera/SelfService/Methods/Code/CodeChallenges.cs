// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;
using Tessera.Security.Secrets;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// Issues and checks the code of a recovery or verification flow. Each guess is counted by one atomic UPDATE before
/// it is compared, so at most <c>max_submissions</c> guesses per flow reach the comparison however many arrive in
/// parallel; after that the flow refuses every code, the right one included. A matching code is consumed by a
/// second conditional UPDATE, so of two requests carrying it only one succeeds. Codes are stored as HMACs keyed with
/// the server secret (<see cref="OneTimeCode"/>).
/// </summary>
internal sealed class CodeChallenges(Database database, NetworkContext network, CodeOptions options, ServerSecrets secrets, TimeProvider clock)
{
    /// <summary>A new code for the flow, replacing any earlier one (its guess count stays). The flow must be stored.</summary>
    public async Task<string> IssueAsync(Guid flowId, string address, Guid? identityId, TimeSpan? lifespan, CancellationToken cancellationToken)
    {
        var code = OneTimeCode.Generate();
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO selfservice_codes (flow_id, nid, code_hmac, address, identity_id, expires_at, submissions, used_at, created_at, updated_at)
            VALUES (@FlowId, @Nid, @CodeHmac, @Address, @IdentityId, @ExpiresAt, 0, NULL, @Now, @Now)
            ON CONFLICT (flow_id) DO UPDATE SET code_hmac = excluded.code_hmac, address = excluded.address, identity_id = excluded.identity_id,
                expires_at = excluded.expires_at, used_at = NULL, updated_at = excluded.updated_at
            """,
            new
            {
                FlowId = flowId,
                Nid = network.Id,
                CodeHmac = OneTimeCode.Hash(code, flowId, secrets.For(SecretPurpose.OneTimeCodes)),
                Address = address,
                IdentityId = identityId,
                ExpiresAt = now + (lifespan ?? options.Lifespan),
                Now = now,
            });
        return code;
    }

    /// <summary>
    /// The challenge the submitted code answers, now used; nothing when wrong, expired, used, or for an unknown
    /// address; <see cref="CodeCheck.Exhausted"/> when the flow's guesses were all used before this one.
    /// </summary>
    public Task<CodeCheck> ConsumeAsync(Guid flowId, string submitted, CancellationToken cancellationToken) =>
        ConsumeAsync(flowId, submitted, forNewIdentity: false, cancellationToken);

    /// <summary>
    /// As <see cref="ConsumeAsync(Guid, string, CancellationToken)"/>; with <paramref name="forNewIdentity"/> (a
    /// registration) the code proves the address alone, since no identity is behind it yet.
    /// </summary>
    public async Task<CodeCheck> ConsumeAsync(Guid flowId, string submitted, bool forNewIdentity, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = new { FlowId = flowId, Nid = network.Id, Max = options.MaxSubmissions, Now = now };
        await using var connection = await database.OpenAsync(cancellationToken);

        // The guess is counted and the challenge read in one conditional statement: no read-then-write, so however
        // many guesses race, at most max_submissions of them are ever compared.
        var challenge = await connection.QuerySingleOrDefaultAsync<CodeChallenge>(
            """
            UPDATE selfservice_codes SET submissions = submissions + 1, updated_at = @Now
            WHERE nid = @Nid AND flow_id = @FlowId AND submissions < @Max
            RETURNING flow_id, code_hmac, address, identity_id, expires_at, submissions, used_at
            """, key);
        if (challenge is null)
        {
            // Not counted: either the flow has no code (nothing to guess) or its guesses are used up (the count only grows).
            var exhausted = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM selfservice_codes WHERE nid = @Nid AND flow_id = @FlowId AND submissions >= @Max", key);
            return exhausted > 0 ? CodeCheck.TooManyGuesses : CodeCheck.Wrong;
        }

        // Compare even when no identity is behind the address, so both cases take the same time.
        var matches = OneTimeCode.Matches(submitted, challenge.CodeHmac, flowId, secrets.For(SecretPurpose.OneTimeCodes));
        if (!matches || (challenge.IdentityId is null && !forNewIdentity) || challenge.UsedAt is not null || challenge.ExpiresAt <= now)
        {
            return CodeCheck.Wrong;
        }

        var consumed = await connection.ExecuteAsync(
            "UPDATE selfservice_codes SET used_at = @Now, updated_at = @Now WHERE nid = @Nid AND flow_id = @FlowId AND used_at IS NULL AND code_hmac = @CodeHmac",
            new { key.FlowId, key.Nid, key.Now, challenge.CodeHmac });
        return consumed == 1 ? new CodeCheck(challenge, false) : CodeCheck.Wrong;
    }
}
