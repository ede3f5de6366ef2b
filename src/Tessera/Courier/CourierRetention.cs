// SPDX-License-Identifier: Apache-2.0
using Dapper;
using Tessera.Persistence;

namespace Tessera.Courier;

/// <summary>
/// The courier's part of the cleanup pass. A message's plain code (or link) is in its bodies and template data;
/// once no further attempt will be made, it is only needed for an operator's inspection, so it is blanked after
/// <see cref="CourierRetentionOptions.Body"/> and the message deleted after <see cref="CourierRetentionOptions.Message"/>,
/// both counted from the last attempt (<c>updated_at</c>, which the redaction leaves alone). Queued and claimed
/// messages are never touched. The recipient, subject and dispatch history stay until the message goes (a template
/// override that puts the code in the subject keeps it there until then). Both statements are idempotent.
/// </summary>
internal sealed class CourierRetention(Database database, NetworkContext network, CourierRetentionOptions options, TimeProvider clock)
{
    private static readonly string Final = $"status IN ({string.Join(", ", CourierMessageStatus.Final.Select(s => $"'{s}'"))})";

    /// <summary>Blanks the bodies and template data of final messages past the body retention; how many it blanked.</summary>
    public async Task<int> RedactBodiesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            $"""
            UPDATE courier_messages SET body = '', body_plaintext = '', template_data = @NoData
            WHERE nid = @Nid AND {Final} AND updated_at < @Cutoff
              AND (body <> '' OR body_plaintext <> '' OR template_data <> @NoData)
            """,
            new { Nid = network.Id, Cutoff = clock.GetUtcNow() - options.Body, NoData = "{}" });
    }

    /// <summary>Deletes final messages past the message retention; how many it deleted.</summary>
    public async Task<int> DeleteMessagesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            $"DELETE FROM courier_messages WHERE nid = @Nid AND {Final} AND updated_at < @Cutoff",
            new { Nid = network.Id, Cutoff = clock.GetUtcNow() - options.Message });
    }
}
