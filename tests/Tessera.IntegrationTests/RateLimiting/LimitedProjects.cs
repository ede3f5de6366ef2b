// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tessera.IntegrationTests.Fixtures;
using static Tessera.IntegrationTests.Projects.ProjectHosts;

namespace Tessera.IntegrationTests.RateLimiting;

/// <summary>Workspaces with limits, projects in them, and flow submissions sent to a project's host (all to 127.0.0.1).</summary>
internal static class LimitedProjects
{
    public static async Task<Guid> CreateWorkspaceAsync(TesseraTestServer server, object? rateLimits)
    {
        using var created = await server.Admin.PostAsJsonAsync("/admin/workspaces", new { name = "Workspace " + Slug() });
        var id = (await JsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        if (rateLimits is not null)
        {
            using var patched = await server.Admin.PatchAsJsonAsync($"/admin/workspaces/{id}", new { rate_limits = rateLimits });
            await JsonAsync(patched, HttpStatusCode.OK);
        }

        return id;
    }

    /// <summary>A project in <paramref name="workspaceId"/>; returns its host under the base domain.</summary>
    public static async Task<string> CreateProjectAsync(TesseraTestServer server, Guid workspaceId)
    {
        var slug = Slug();
        using var response = await server.Admin.PostAsJsonAsync("/admin/projects", new { name = "Project " + slug, slug, workspace_id = workspaceId });
        await JsonAsync(response, HttpStatusCode.Created);
        return $"{slug}.{BaseDomain}";
    }

    /// <summary>One self-service submission (counted in <c>flow_submissions</c> before the unknown flow is looked up).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(TesseraTestServer server, string host) =>
        SendAsync(server, host, HttpMethod.Post, "/self-service/login?flow=" + Guid.NewGuid(), new { }, "application/json");

    public static async Task<JsonElement> RefusalDetailsAsync(HttpResponseMessage response)
    {
        var body = await JsonAsync(response, HttpStatusCode.TooManyRequests);
        body.GetProperty("error").GetProperty("id").GetString().ShouldBe("rate_limit_exceeded");
        return body.GetProperty("error").GetProperty("details");
    }

    public static int Header(HttpResponseMessage response, string name) => int.Parse(response.Headers.GetValues(name).Single(), System.Globalization.CultureInfo.InvariantCulture);
}
