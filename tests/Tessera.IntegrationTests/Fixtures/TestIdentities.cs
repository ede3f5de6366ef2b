// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tessera.Identities;

namespace Tessera.IntegrationTests.Fixtures;

/// <summary>Real identities for tests that need one to hang sessions or flows on.</summary>
public static class TestIdentities
{
    /// <summary>Creates an identity through the admin API (optionally with a password); returns its id.</summary>
    public static async Task<Guid> CreateAsync(TesseraTestServer server, string? email = null, string? password = null)
    {
        email ??= $"id-{Guid.NewGuid():N}@example.com";
        object body = password is null
            ? new { traits = new { email } }
            : new { traits = new { email }, credentials = new { password = new { config = new { password } } } };
        using var response = await server.Admin.PostAsJsonAsync("/admin/identities", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Writes an identity row straight through the store (for store-level contract tests).</summary>
    internal static async Task<Guid> InsertAsync(IdentityStore store, DateTimeOffset now)
    {
        var identity = new Identity
        {
            Id = Guid.NewGuid(),
            SchemaId = "default",
            Traits = new JsonObject { ["email"] = $"id-{Guid.NewGuid():N}@example.com" },
            CreatedAt = now,
            UpdatedAt = now,
        };
        (await store.CreateAsync(identity)).ShouldBe(StoreWriteResult.Written);
        return identity.Id;
    }
}
