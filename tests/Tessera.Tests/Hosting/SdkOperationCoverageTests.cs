// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tessera.Configuration;
using Tessera.Errors.NotImplemented;
using Tessera.Hosting;

namespace Tessera.Tests.Hosting;

/// <summary>
/// Every operation of Kratos's OpenAPI that Tessera maps is called through Ory's SDK by tests/node/sdk-operations.test.js:
/// its list (tests/node/sdk-operations.json) must name each mapped operation, and only those. The application is built
/// (not started) so the comparison is against the endpoints it really maps. Every other Kratos operation answers 501
/// <c>feature_not_implemented</c> (<see cref="KratosOperationNotImplemented"/>): those placeholders are not "mapped".
/// </summary>
public sealed partial class SdkOperationCoverageTests
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task SdkOperationsJson_NamesEveryKratosOperationTesseraMaps()
    {
        var mapped = await MappedRoutesAsync();
        var served = KratosOperations().Where(o => mapped.Contains(o.Route)).Select(o => o.OperationId).ToHashSet(StringComparer.Ordinal);
        var covered = CoveredOperations();

        served.ShouldContain("listSessions");
        served.Except(covered).Order(StringComparer.Ordinal).ShouldBeEmpty(
            "add a call of each to tests/node/sdk-operations.test.js and its name to tests/node/sdk-operations.json");
        covered.Except(served).Order(StringComparer.Ordinal).ShouldBeEmpty(
            "sdk-operations.json names operations Tessera does not map (or that Kratos's OpenAPI does not have)");
    }

    [Fact]
    public async Task EveryKratosOperation_IsMapped_OrAnswers501_NeverBoth()
    {
        var mapped = await MappedRoutesAsync();
        var placeholders = KratosOperationNotImplemented.All.ToDictionary(o => o.OperationId, o => Route(o.Method, o.Path), StringComparer.Ordinal);
        var unmapped = KratosOperations().Where(o => !mapped.Contains(o.Route)).ToList();

        unmapped.Select(o => o.OperationId).Order(StringComparer.Ordinal).ShouldBe(placeholders.Keys.Order(StringComparer.Ordinal),
            "KratosOperationNotImplemented.All must list exactly Kratos's operations Tessera does not map");
        unmapped.ShouldAllBe(o => placeholders[o.OperationId] == o.Route);
        (await PlaceholderRoutesAsync()).Order(StringComparer.Ordinal).ShouldBe(placeholders.Values.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<(string Route, string OperationId)> KratosOperations()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "kratos-openapi.json")))!;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item![method]?["operationId"]?.GetValue<string>() is { } operationId)
                {
                    yield return (Route(method, path), operationId);
                }
            }
        }
    }

    private static HashSet<string> CoveredOperations()
    {
        var list = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "node", "sdk-operations.json")))!;
        return list["operations"]!.AsArray().Select(o => o!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
    }

    private static Task<HashSet<string>> MappedRoutesAsync() => RoutesAsync(placeholders: false);

    private static Task<HashSet<string>> PlaceholderRoutesAsync() => RoutesAsync(placeholders: true);

    private static async Task<HashSet<string>> RoutesAsync(bool placeholders)
    {
        var config = new ConfigurationTree([], new Dictionary<string, string>());
        config.Set("dsn", JsonValue.Create("memory"));
        await using var app = Program.BuildApplication(config);
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => (e.Metadata.GetMetadata<SurfaceMetadata>()?.Surfaces ?? Surface.None) != Surface.None)
            .Where(e => (e.Metadata.GetMetadata<KratosOperationNotImplemented>() is not null) == placeholders)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => Route(m, "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))))
            .ToHashSet(StringComparer.Ordinal);
    }

    // Parameter names and route constraints differ ({id:guid} here, {id} or {externalID} there): compare the shape.
    private static string Route(string method, string path) => $"{method.ToUpperInvariant()} {Parameter().Replace(path, "{}")}";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
