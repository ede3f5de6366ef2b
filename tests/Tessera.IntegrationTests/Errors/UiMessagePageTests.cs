// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Net;
using Tessera.IntegrationTests.Fixtures;
using Tessera.Ui.Messages;

namespace Tessera.IntegrationTests.Errors;

/// <summary>Issue 22: every UI message id has a doc page, as the string error ids do.</summary>
public sealed class UiMessagePageTests(SqliteServer fixture) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task EveryUiMessageId_HasAPageWithMeaningCauseAndResolution()
    {
        UiMessages.All.ShouldNotBeEmpty();
        foreach (var message in UiMessages.All)
        {
            var id = message.Id.ToString(CultureInfo.InvariantCulture);

            using var response = await fixture.Server.Public.GetAsync($"/ui/errors/{id}");

            response.StatusCode.ShouldBe(HttpStatusCode.OK, id);
            var html = await response.Content.ReadAsStringAsync();
            foreach (var part in new[] { "Meaning", "Cause", "Resolution", id })
            {
                html.ShouldContain(part, Case.Sensitive, id);
            }
        }
    }

    [Fact]
    public async Task ErrorMessagePage_LinksItsCatalogError()
    {
        using var response = await fixture.Server.Public.GetAsync("/ui/errors/4000006");

        (await response.Content.ReadAsStringAsync()).ShouldContain("/ui/errors/credentials_invalid");
    }

    [Theory]
    [InlineData("4999999")]
    [InlineData("-4000006")]
    [InlineData("no_such_error")]
    public async Task UnknownId_Answers404(string id)
    {
        using var response = await fixture.Server.Public.GetAsync($"/ui/errors/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reference_ListsTheUiMessages()
    {
        var html = await fixture.Server.Public.GetStringAsync("/ui/errors");

        html.ShouldContain("/ui/errors/4000006");
        html.ShouldContain("/ui/errors/credentials_invalid");
    }
}
