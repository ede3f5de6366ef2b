// SPDX-License-Identifier: Apache-2.0
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Errors.Occurrences;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Persistence;

namespace Tessera.IntegrationTests.Errors.Occurrences;

/// <summary>What the occurrence tests do to a server: start API flows, submit them, write the buffer, read the tables raw.</summary>
internal static class OccurrenceTestSteps
{
    public static async Task<Guid> CreateApiFlowAsync(TesseraTestServer server, string kind)
    {
        using var created = await server.Public.GetAsync($"/self-service/{kind}/api");
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return flow.RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> SubmitLoginAsync(TesseraTestServer server, Guid flow, string identifier, string password, string? requestId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/self-service/login?flow={flow}")
        {
            Content = JsonContent.Create(new { method = "password", identifier, password }),
        };
        if (requestId is not null)
        {
            request.Headers.Add("X-Request-Id", requestId);
        }

        return await server.Public.SendAsync(request);
    }

    /// <summary>Writes what the recorder holds, as the background writer would.</summary>
    public static Task FlushAsync(TesseraTestServer server) => server.Services.GetRequiredService<OccurrenceWriter>().FlushAsync();

    /// <summary>Every column of every row of both tables, as text: what a leak check searches.</summary>
    public static async Task<IReadOnlyList<string>> AllStoredTextAsync(TesseraTestServer server)
    {
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        var text = new List<string>();
        foreach (var table in new[] { "error_occurrences", "flow_funnel_steps" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }
        }

        return text;
    }

    public static async Task<long> CountAsync(TesseraTestServer server, string table)
    {
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
