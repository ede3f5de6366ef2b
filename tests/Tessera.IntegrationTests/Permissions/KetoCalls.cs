// SPDX-License-Identifier: Apache-2.0
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Tessera.IntegrationTests.Fixtures;

namespace Tessera.IntegrationTests.Permissions;

/// <summary>Keto's HTTP calls as the tests make them: tuples as <c>namespace:object#relation@subject</c> strings.</summary>
internal static class KetoCalls
{
    /// <summary><c>files:doc#view@alice</c> or <c>files:doc#view@groups:eng#member</c> as Keto's JSON.</summary>
    public static JsonObject Tuple(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var (ns, obj, rel) = Split(text[..at]);
        var tuple = new JsonObject { ["namespace"] = ns, ["object"] = obj, ["relation"] = rel };
        var subject = text[(at + 1)..];
        if (subject.Contains('#', StringComparison.Ordinal))
        {
            var (sn, so, sr) = Split(subject);
            tuple["subject_set"] = new JsonObject { ["namespace"] = sn, ["object"] = so, ["relation"] = sr };
        }
        else
        {
            tuple["subject_id"] = subject;
        }

        return tuple;
    }

    public static string Query(string text)
    {
        var json = Tuple(text);
        var parts = new List<string>();
        foreach (var (key, value) in json)
        {
            if (value is JsonObject set)
            {
                parts.AddRange(set.Select(p => $"{key}.{p.Key}={Uri.EscapeDataString(p.Value!.ToString())}"));
            }
            else
            {
                parts.Add($"{key}={Uri.EscapeDataString(value!.ToString())}");
            }
        }

        return string.Join('&', parts);
    }

    public static async Task PutAsync(TesseraTestServer server, string tuple)
    {
        using var response = await server.Admin.PutAsJsonAsync("/admin/relation-tuples", Tuple(tuple));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task PatchAsync(TesseraTestServer server, IEnumerable<string> inserts)
    {
        var body = new JsonArray(inserts.Select(t => (JsonNode)new JsonObject { ["action"] = "insert", ["relation_tuple"] = Tuple(t) }).ToArray());
        using var response = await server.Admin.PatchAsJsonAsync("/admin/relation-tuples", body);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GET /relation-tuples/check: the status (200 allowed, 403 denied) and the body's <c>allowed</c>.</summary>
    public static async Task<(HttpStatusCode Status, bool? Allowed)> CheckAsync(TesseraTestServer server, string tuple, int? maxDepth = null)
    {
        var depth = maxDepth is null ? string.Empty : $"&max-depth={maxDepth}";
        using var response = await server.Public.GetAsync($"/relation-tuples/check?{Query(tuple)}{depth}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (response.StatusCode, body?["allowed"]?.GetValue<bool>());
    }

    public static async Task<bool> AllowedAsync(TesseraTestServer server, string tuple, int? maxDepth = null)
    {
        var (status, allowed) = await CheckAsync(server, tuple, maxDepth);
        status.ShouldBe(allowed == true ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        return allowed!.Value;
    }

    private static (string Namespace, string Object, string Relation) Split(string set)
    {
        var colon = set.IndexOf(':', StringComparison.Ordinal);
        var hash = set.LastIndexOf('#');
        return (set[..colon], set[(colon + 1)..hash], set[(hash + 1)..]);
    }
}
