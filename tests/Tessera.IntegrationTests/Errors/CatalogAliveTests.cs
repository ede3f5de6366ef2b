// SPDX-License-Identifier: Apache-2.0
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Errors;

/// <summary>
/// Issue 22, "the catalog is alive": the run records every error id and UI message id the servers emit, and no id
/// may be missing from the catalogs. (The other half, every catalog entry emitted by some test, needs the whole
/// suite's record: see <see cref="EmittedIds"/>.)
/// </summary>
public sealed class CatalogAliveTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Run_RecordsEmittedErrorIdsAndFlowMessageIds()
    {
        using (await fixture.Server.Public.GetAsync("/no/such/path"))
        {
        }

        using var created = await fixture.Server.Public.GetAsync("/self-service/login/api");
        using var flow = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = flow.RootElement.GetProperty("id").GetString();
        using (await fixture.Server.Public.PostAsJsonAsync($"/self-service/login?flow={id}", new { method = "password", identifier = "nobody@example.com", password = "not the password 1" }))
        {
        }

        EmittedIds.ErrorIds.ShouldContain("not_found");
        EmittedIds.UiMessageIds.ShouldContain(4000006);
    }

    [Fact]
    public async Task EveryIdEmittedSoFar_IsInTheCatalogs()
    {
        using (await fixture.Server.Public.GetAsync("/sessions/whoami"))
        {
        }

        // Whatever the tests that ran before in this process emitted, too.
        EmittedIds.NotInCatalogs(EmittedIds.ErrorIds, EmittedIds.UiMessageIds).ShouldBeEmpty();
    }

    [Fact]
    public void NotInCatalogs_NamesAnIdTheCatalogsLack() =>
        EmittedIds.NotInCatalogs(["not_found", "no_such_error_id"], [4000006, 4999999]).ShouldBe(["error no_such_error_id", "ui_message 4999999"]);
}
