// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using Tessera.Configuration;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.SelfService.Links;

/// <summary>Issue 16: <c>use: link</c> needs the link method on; code stays the default; links only open when the method is on.</summary>
public sealed class LinkConfigurationTests
{
    [Fact]
    public async Task UseLink_WithTheLinkMethodOff_StopsStartUpNamingTheKey()
    {
        var settings = new Dictionary<string, string>
        {
            ["selfservice.flows.recovery.enabled"] = "true",
            ["selfservice.flows.recovery.use"] = "link",
        };

        var refused = await Should.ThrowAsync<ConfigurationException>(() => TesseraTestServer.StartAsync(DatabaseKind.Sqlite, settings));

        refused.Message.ShouldContain("selfservice.flows.recovery.use");
    }

    [Fact]
    public async Task ByDefault_RecoveryUsesCode_AndNoLinkEndpointAnswers()
    {
        await using var server = await TesseraTestServer.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string>
        {
            ["selfservice.flows.recovery.enabled"] = "true",
        });
        using var flow = await Codes.CodeFlowServer.NewApiFlowAsync(server, "recovery");
        FlowJson.Node(flow.RootElement, "method").GetProperty("attributes").GetProperty("value").GetString().ShouldBe("code");

        using var link = await server.Public.GetAsync($"/self-service/recovery?flow={flow.RootElement.GetProperty("id").GetString()}&token=x");

        link.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        var identityId = await TestIdentities.CreateAsync(server, $"link-{Guid.NewGuid():N}@example.com");
        using var admin = await server.Admin.PostAsJsonAsync("/admin/recovery/link", new { identity_id = identityId });
        admin.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        admin.Headers.GetValues("Ory-Error-Id").Single().ShouldBe("self_service_method_disabled");
    }
}
