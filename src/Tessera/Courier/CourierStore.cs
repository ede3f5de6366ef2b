// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Dapper;
using Tessera.Courier.Channels;
using Tessera.Persistence;

namespace Tessera.Courier;

/// <summary>
/// The outbox in the database. Every statement is scoped to this project's nid. Workers claim with one statement
/// that both picks and marks rows, so two workers (or two nodes) can never hold the same message at once.
/// </summary>
internal sealed class CourierStore(Database database, NetworkContext network, TimeProvider clock)
{
    private const int DispatchesKept = 10;

    // Due messages, and messages whose claim ran out (their worker died). PostgreSQL: the CTE locks the picked rows
    // and skips rows another worker is claiming right now; a row claimed and committed meanwhile no longer matches
    // when PostgreSQL re-checks it. SQLite: the UPDATE runs under the database's single write lock.
    private const string Claimable =
        """
        SELECT id FROM courier_messages
        WHERE nid = @Nid AND ((status = 'queued' AND next_attempt_at <= @Now)
                              OR (status = 'processing' AND lease_expires_at <= @Now))
        ORDER BY next_attempt_at, id
        LIMIT @Limit
        """;

    private const string Claim =
        "SET status = 'processing', claimed_by = @Worker, lease_expires_at = @LeaseUntil, updated_at = @Now";

    /// <param name="channel"><c>email</c> or <c>sms</c> (<see cref="CourierChannelIds"/>); the message type follows from it.</param>
    public async Task<Guid> InsertAsync(CourierTemplateType type, string channel, string recipient, RenderedEmail email, JsonObject templateData,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO courier_messages (id, nid, type, channel, status, recipient, subject, body, body_plaintext, template_type,
                                          template_data, send_count, dispatches, next_attempt_at, created_at, updated_at)
            VALUES (@Id, @Nid, @Type, @Channel, 'queued', @Recipient, @Subject, @Body, @Plaintext, @TemplateType,
                    @TemplateData, 0, '[]', @Now, @Now, @Now)
            """,
            new
            {
                Id = id, Nid = network.Id, Type = channel == CourierChannelIds.Email ? CourierChannelIds.EmailType : CourierChannelIds.PhoneType,
                Channel = channel, Recipient = recipient, email.Subject, Body = email.HtmlBody, Plaintext = email.PlaintextBody,
                TemplateType = type.Name, TemplateData = templateData.ToJsonString(), Now = now,
            });
        return id;
    }

    /// <summary>Claims up to <paramref name="limit"/> due messages for <paramref name="worker"/> until the lease runs out.</summary>
    public async Task<IReadOnlyList<CourierMessage>> ClaimAsync(Guid worker, int limit, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var sql = database.Dialect == SqlDialect.Postgres
            ? $"""
               WITH picked AS MATERIALIZED ({Claimable} FOR UPDATE SKIP LOCKED)
               UPDATE courier_messages {Claim}
               WHERE nid = @Nid AND id IN (SELECT id FROM picked)
               RETURNING {CourierMessageRow.Columns}
               """
            : $"""
               UPDATE courier_messages {Claim}
               WHERE nid = @Nid AND id IN ({Claimable})
               RETURNING {CourierMessageRow.Columns}
               """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CourierMessageRow>(
            sql, new { Nid = network.Id, Now = now, Limit = limit, Worker = worker, LeaseUntil = now + lease });
        return rows.Select(r => r.ToMessage()).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToList();
    }

    /// <summary>Records a delivery attempt and ends the claim. False when the claim was lost (its lease ran out).</summary>
    /// <param name="status">sent, logged, queued (retry at <paramref name="nextAttemptAt"/>) or abandoned.</param>
    public async Task<bool> RecordAttemptAsync(CourierMessage message, Guid worker, string status, MessageDispatch dispatch,
        DateTimeOffset nextAttemptAt, CancellationToken cancellationToken = default)
    {
        var dispatches = message.Dispatches.Append(dispatch).TakeLast(DispatchesKept).ToList();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            """
            UPDATE courier_messages
            SET status = @Status, send_count = send_count + 1, dispatches = @Dispatches, next_attempt_at = @NextAttemptAt,
                claimed_by = NULL, lease_expires_at = NULL, updated_at = @Now
            WHERE nid = @Nid AND id = @Id AND status = 'processing' AND claimed_by = @Worker
            """,
            new
            {
                Nid = network.Id, message.Id, Worker = worker, Status = status, Dispatches = CourierMessageRow.Serialize(dispatches),
                NextAttemptAt = nextAttemptAt, Now = clock.GetUtcNow(),
            }) > 0;
    }

    /// <summary>Gives claimed but unattempted messages back to the queue (a worker stopping mid-batch).</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<Guid> ids, Guid worker, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return;
        }

        // One statement per id: at most a batch, only at shutdown, and portable (no list parameters).
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var id in ids)
        {
            await connection.ExecuteAsync(
                """
                UPDATE courier_messages SET status = 'queued', claimed_by = NULL, lease_expires_at = NULL, updated_at = @Now
                WHERE nid = @Nid AND id = @Id AND status = 'processing' AND claimed_by = @Worker
                """,
                new { Nid = network.Id, Id = id, Worker = worker, Now = clock.GetUtcNow() });
        }
    }

    /// <summary>
    /// Sends a message again (the console's resend): an abandoned one goes back to the queue with its attempts counted
    /// afresh (<c>courier.message_retries</c> more), a queued one waiting for its next retry is due now. A conditional
    /// update, so two clicks (or a worker sending it meanwhile) requeue it at most once; false when it is neither.
    /// </summary>
    public async Task<bool> RequeueAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE courier_messages SET status = 'queued', send_count = 0, next_attempt_at = @Now, updated_at = @Now
            WHERE nid = @Nid AND id = @Id AND (status = 'abandoned' OR (status = 'queued' AND next_attempt_at > @Now))
            """,
            new { Nid = network.Id, Id = id, Now = now },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<CourierMessage?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CourierMessageRow>(
            $"SELECT {CourierMessageRow.Columns} FROM courier_messages WHERE nid = @Nid AND id = @Id", new { Nid = network.Id, Id = id });
        return row?.ToMessage();
    }

    /// <summary>How many messages wait to be sent (queued) and are being sent (processing), for the queue gauge.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, long Count)>(
            "SELECT status, COUNT(*) FROM courier_messages WHERE nid = @Nid AND status IN ('queued', 'processing') GROUP BY status",
            new { Nid = network.Id });
        return rows.ToDictionary(r => r.Status, r => r.Count, StringComparer.Ordinal);
    }

    /// <summary>Newest first; up to <c>PageSize + 1</c> rows so the caller can tell whether another page follows.</summary>
    public async Task<IReadOnlyList<CourierMessage>> ListAsync(CourierMessageQuery query, CancellationToken cancellationToken = default)
    {
        var filters = (query.Status is null ? string.Empty : " AND status = @Status")
            + (query.Recipient is null ? string.Empty : " AND recipient = @Recipient")
            + (query.After is null ? string.Empty : " AND (created_at < @AfterAt OR (created_at = @AfterAt AND id < @AfterId))");
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CourierMessageRow>(
            $"""
            SELECT {CourierMessageRow.Columns} FROM courier_messages
            WHERE nid = @Nid{filters}
            ORDER BY created_at DESC, id DESC LIMIT @Limit
            """,
            new
            {
                Nid = network.Id, query.Status, query.Recipient, AfterAt = query.After?.CreatedAt ?? default,
                AfterId = query.After?.Id ?? Guid.Empty, Limit = query.PageSize + 1,
            });
        return rows.Select(r => r.ToMessage()).ToList();
    }
}
