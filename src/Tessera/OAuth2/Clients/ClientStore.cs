// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Dapper;
using Tessera.Hosting.Pagination;
using Tessera.Persistence;

namespace Tessera.OAuth2.Clients;

/// <summary>
/// <c>oauth2_clients</c>, scoped to this node's project. The admin API reads here; the token path reads through
/// <see cref="ClientCache"/>, which every write below empties on this node at once (<see cref="LocalWrites"/>).
/// </summary>
internal sealed class ClientStore(Database database, NetworkContext network, LocalWrites writes)
{
    private const string Columns = "id AS Id, document AS Document, secret_hash AS SecretHash, created_at AS CreatedAt, updated_at AS UpdatedAt, token_epoch AS TokenEpoch";

    /// <summary>False when the client id is taken.</summary>
    public async Task<bool> InsertAsync(OAuth2Client client, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO oauth2_clients (nid, id, document, secret_hash, created_at, updated_at, token_epoch)
                VALUES (@Nid, @Id, @Document, @SecretHash, @CreatedAt, @UpdatedAt, @TokenEpoch)
                """,
                new { Nid = network.Id, Id = client.ClientId, Document = client.Document.ToJsonString(), client.SecretHash, client.CreatedAt, client.UpdatedAt, TokenEpoch = NewEpoch() },
                cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException exception) when (UniqueViolation.Is(exception))
        {
            return false;
        }
    }

    /// <summary>Replaces the document and secret hash; false when the client does not exist.</summary>
    public async Task<bool> UpdateAsync(OAuth2Client client, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth2_clients SET document = @Document, secret_hash = @SecretHash, updated_at = @UpdatedAt WHERE nid = @Nid AND id = @Id",
            Parameters(client),
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<OAuth2Client?> FindAsync(string clientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM oauth2_clients WHERE nid = @Nid AND id = @Id",
            new { Nid = network.Id, Id = clientId },
            cancellationToken: cancellationToken));
        return row?.ToClient();
    }

    public async Task<ClientPage> ListAsync(PageRequest<ClientPosition> page, string? name, string? owner, CancellationToken cancellationToken = default)
    {
        var after = page.After;
        var sql = $"""
            SELECT {Columns} FROM oauth2_clients WHERE nid = @Nid
            {(after is null ? string.Empty : "AND (created_at > @AfterCreatedAt OR (created_at = @AfterCreatedAt AND id > @AfterId))")}
            ORDER BY created_at, id LIMIT @Limit OFFSET @Offset
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            sql,
            new { Nid = network.Id, AfterCreatedAt = after?.CreatedAt, AfterId = after?.ClientId, Limit = page.Size + 1, Offset = page.IsLegacy ? page.Offset : 0 },
            cancellationToken: cancellationToken))).Select(r => r.ToClient()).ToList();

        // Hydra's client_name and owner filters are exact matches on fields of the JSON document (not columns), so
        // they apply within each page: a filtered page may be shorter than page_size while a next page still exists.
        var items = rows.Take(page.Size).Where(c => Matches(c, name, owner)).ToList();
        var next = rows.Count > page.Size ? new ClientPosition(rows[page.Size - 1].CreatedAt, rows[page.Size - 1].ClientId) : null;
        return new ClientPage(items, next);
    }

    /// <summary>A new <see cref="OAuth2Client.TokenEpoch"/>: every self-contained token issued so far is revoked.</summary>
    public async Task RenewTokenEpochAsync(string clientId, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE oauth2_clients SET token_epoch = @Epoch WHERE nid = @Nid AND id = @Id",
            new { Nid = network.Id, Id = clientId, Epoch = NewEpoch() },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> DeleteAsync(string clientId, CancellationToken cancellationToken = default)
    {
        using var write = writes.Write();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM oauth2_clients WHERE nid = @Nid AND id = @Id",
            new { Nid = network.Id, Id = clientId },
            cancellationToken: cancellationToken)) > 0;
    }

    private static bool Matches(OAuth2Client client, string? name, string? owner) =>
        (string.IsNullOrEmpty(name) || (string?)client.Document["client_name"] == name)
        && (string.IsNullOrEmpty(owner) || (string?)client.Document["owner"] == owner);

    private static string NewEpoch() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    private object Parameters(OAuth2Client client) => new
    {
        Nid = network.Id,
        Id = client.ClientId,
        Document = client.Document.ToJsonString(),
        client.SecretHash,
        client.CreatedAt,
        client.UpdatedAt,
    };

    // Settable properties rather than a constructor: Dapper applies the dialect type handlers to properties.
    private sealed class Row
    {
        public string Id { get; set; } = string.Empty;

        public string Document { get; set; } = string.Empty;

        public string? SecretHash { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public string TokenEpoch { get; set; } = string.Empty;

        public OAuth2Client ToClient() => new((JsonObject)JsonNode.Parse(Document)!, SecretHash, CreatedAt, UpdatedAt, TokenEpoch);
    }
}
