// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Hosting.RequestBodies;
using Tessera.Permissions.Tuples;

namespace Tessera.Permissions.Checks;

/// <summary>
/// Keto's read API on the public listener, all behind the <c>permission_checks</c> rate limit:
/// GET|POST /relation-tuples/check           checkPermissionOrError   200 {allowed: true} / 403 {allowed: false}
/// GET|POST /relation-tuples/check/openapi   checkPermission          200 {allowed} either way
/// POST     /relation-tuples/batch/check     batchCheckPermission     200 {results: [{allowed, error?}]}
/// GET      /relation-tuples/expand          expandPermissions        200 tree / 404 no tuples
/// </summary>
internal static class CheckEndpoints
{
    public static IEndpointRouteBuilder MapCheckEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var checks = endpoints.MapPublicApi();
        checks.AddEndpointFilter<CheckRateLimitFilter>();
        checks.MapGet("/relation-tuples/check", CheckPermissionOrError);
        checks.MapPost("/relation-tuples/check", PostCheckPermissionOrError);
        checks.MapGet("/relation-tuples/check/openapi", CheckPermission);
        checks.MapPost("/relation-tuples/check/openapi", PostCheckPermission);
        checks.MapPost("/relation-tuples/batch/check", BatchCheckPermission);
        checks.MapGet("/relation-tuples/expand", ExpandPermissions);
        return endpoints;
    }

    private static async Task<IResult> CheckPermissionOrError(HttpRequest request, RelationTupleParser parser, CheckEngine engine, CancellationToken cancellationToken)
    {
        var query = RelationTupleParser.QueryFrom(request.Query);
        return Answer(await CheckAsync(query.Succeeded ? parser.TupleFrom(query.Value) : query.Error, request, engine, cancellationToken), mirrorInStatus: true);
    }

    private static async Task<IResult> PostCheckPermissionOrError(HttpRequest request, RelationTupleParser parser, CheckEngine engine, CancellationToken cancellationToken) =>
        Answer(await CheckAsync(await RelationTupleEndpoints.ReadTupleAsync(request, parser, cancellationToken), request, engine, cancellationToken), mirrorInStatus: true);

    private static async Task<IResult> CheckPermission(HttpRequest request, RelationTupleParser parser, CheckEngine engine, CancellationToken cancellationToken)
    {
        var query = RelationTupleParser.QueryFrom(request.Query);
        return Answer(await CheckAsync(query.Succeeded ? parser.TupleFrom(query.Value) : query.Error, request, engine, cancellationToken), mirrorInStatus: false);
    }

    private static async Task<IResult> PostCheckPermission(HttpRequest request, RelationTupleParser parser, CheckEngine engine, CancellationToken cancellationToken) =>
        Answer(await CheckAsync(await RelationTupleEndpoints.ReadTupleAsync(request, parser, cancellationToken), request, engine, cancellationToken), mirrorInStatus: false);

    private static async Task<Results<Ok<BatchCheckPermissionResult>, ErrorResult>> BatchCheckPermission(
        HttpRequest request, RelationTupleParser parser, CheckEngine engine, PermissionsOptions options, CancellationToken cancellationToken)
    {
        var depth = MaxDepth(request);
        // An object reader: indexing a body whose root is an array or a scalar would throw (a 500).
        var body = await RequestBodyReader.ReadObjectAsync(request, allowForm: false, cancellationToken);
        if (!depth.Succeeded || !body.Succeeded)
        {
            return new ErrorResult(depth.ErrorOrNull ?? body.Error);
        }

        if (body.Value["tuples"] is not JsonArray tuples)
        {
            return new ErrorResult(RelationTupleParser.Invalid(ErrorCatalog.RelationTupleInvalid, "the body must be {\"tuples\": [...]}"));
        }

        if (tuples.Count > options.MaxBatchCheckSize)
        {
            return new ErrorResult(RelationTupleParser.Invalid(
                ErrorCatalog.RelationQueryInvalid, $"batch exceeds max size of {options.MaxBatchCheckSize}"));
        }

        // A bad tuple fails alone, as Keto's batch does: its result carries the error and allowed=false.
        var results = new List<CheckPermissionResult>(tuples.Count);
        foreach (var item in tuples)
        {
            var query = RelationTupleParser.QueryFrom(item);
            var tuple = query.Succeeded ? parser.TupleFrom(query.Value) : query.Error;
            results.Add(tuple.Succeeded
                ? new CheckPermissionResult(await engine.CheckAsync(tuple.Value, depth.Value, cancellationToken))
                : new CheckPermissionResult(false, tuple.Error.EffectiveReason));
        }

        return TypedResults.Ok(new BatchCheckPermissionResult(results));
    }

    private static async Task<Results<Ok<ExpandedPermissionTree>, ErrorResult>> ExpandPermissions(
        HttpRequest request, PermissionsOptions options, ExpandEngine engine, CancellationToken cancellationToken)
    {
        var depth = MaxDepth(request);
        if (!depth.Succeeded)
        {
            return new ErrorResult(depth.Error);
        }

        string? namespaceName = request.Query["namespace"], obj = request.Query["object"], relation = request.Query["relation"];
        if (string.IsNullOrEmpty(namespaceName) || obj is null || relation is null)
        {
            return new ErrorResult(RelationTupleParser.Invalid(ErrorCatalog.RelationTupleInvalid, "namespace, object and relation are required"));
        }

        if (!options.IsKnown(namespaceName))
        {
            return new ErrorResult(RelationTupleParser.UnknownNamespace(namespaceName));
        }

        var tree = await engine.ExpandAsync(new SubjectSet(namespaceName, obj, relation), depth.Value, cancellationToken);
        return tree is null
            ? new ErrorResult(new TesseraError(ErrorCatalog.NotFound, Reason: "No relation tuples found for this subject set."))
            : TypedResults.Ok(tree);
    }

    private static async Task<Result<bool>> CheckAsync(Result<RelationTuple> tuple, HttpRequest request, CheckEngine engine, CancellationToken cancellationToken)
    {
        var depth = MaxDepth(request);
        if (!tuple.Succeeded || !depth.Succeeded)
        {
            return tuple.ErrorOrNull ?? depth.Error;
        }

        return await engine.CheckAsync(tuple.Value, depth.Value, cancellationToken);
    }

    private static IResult Answer(Result<bool> allowed, bool mirrorInStatus)
    {
        if (!allowed.Succeeded)
        {
            return new ErrorResult(allowed.Error);
        }

        // checkPermissionOrError mirrors the answer in the status (Keto: 403 with {"allowed": false}).
        var status = mirrorInStatus && !allowed.Value ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK;
        return TypedResults.Json(new CheckPermissionResult(allowed.Value), statusCode: status);
    }

    /// <summary>Keto's <c>max-depth</c> query parameter (absent: the configured limit).</summary>
    private static Result<int?> MaxDepth(HttpRequest request)
    {
        var text = request.Query["max-depth"].ToString();
        if (text.Length == 0)
        {
            return Result<int?>.Success(null);
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var depth)
            ? Result<int?>.Success(depth)
            : RelationTupleParser.Invalid(ErrorCatalog.RelationQueryInvalid, "max-depth must be a whole number");
    }
}
