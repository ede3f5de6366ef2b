// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using Tessera.Errors;

namespace Tessera.Hosting.RequestBodies;

/// <summary>
/// Reads a request body as Kratos's endpoints accept it, JSON or (for browser forms) URL-encoded, into a
/// <see cref="Result{T}"/>: a wrong content type is 415 <c>unsupported_media_type</c>, an unreadable body 400
/// <c>malformed_request</c> naming where it broke, an oversized one 413 <c>payload_too_large</c>. Endpoints that
/// read bodies through here never answer bad input with a 500.
/// </summary>
internal static class RequestBodyReader
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";

    // Duplicate keys are refused while parsing: a JsonObject built from them throws on first access (a 500), and
    // two readers of the same body must never disagree on which value counts.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, AllowDuplicateProperties = false };
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as a JSON object; form fields become members, dotted names nested objects (<c>traits.email</c>).</summary>
    public static async Task<Result<JsonObject>> ReadObjectAsync(HttpRequest request, bool allowForm = true, CancellationToken cancellationToken = default)
    {
        var supported = allowForm ? new[] { Json, Form } : [Json];
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType))
        {
            return RequestErrors.UnsupportedMediaType(request.ContentType, supported);
        }

        try
        {
            if (IsJson(mediaType))
            {
                return await ReadJsonAsync(request, cancellationToken);
            }

            if (allowForm && mediaType.MediaType.Equals(Form, StringComparison.OrdinalIgnoreCase))
            {
                var form = await ReadFormAsync(request, cancellationToken);
                return form.Succeeded ? FormObject.From(form.Value) : form.Error;
            }
        }
        catch (BadHttpRequestException e)
        {
            return RequestErrors.FromBadRequest(e, request.HttpContext);
        }

        return RequestErrors.UnsupportedMediaType(request.ContentType, supported);
    }

    /// <summary>
    /// The body as a form (for the OAuth2 endpoints Tessera answers without OpenIddict, and for <see cref="ReadObjectAsync"/>):
    /// 415 when it is not one, 400 <c>malformed_request</c> when it cannot be read. A body over the size limit still
    /// throws Kestrel's <see cref="BadHttpRequestException"/> (413), which the caller or the error middleware renders.
    /// </summary>
    public static async Task<Result<IFormCollection>> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (!request.HasFormContentType)
        {
            return RequestErrors.UnsupportedMediaType(request.ContentType, [Form]);
        }

        try
        {
            return Result<IFormCollection>.Success(await request.ReadFormAsync(cancellationToken));
        }
        catch (InvalidDataException e)
        {
            // The form reader's own limits (value count, key or value length) and malformed encodings.
            return RequestErrors.Malformed($"the form data cannot be read ({e.Message})");
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            return RequestErrors.Malformed("the form data cannot be read");
        }
    }

    /// <summary>The body bound to <typeparamref name="T"/>; a member of the wrong type is a 400 naming its JSON path.</summary>
    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, bool allowForm = true, CancellationToken cancellationToken = default)
        where T : class
    {
        var body = await ReadObjectAsync(request, allowForm, cancellationToken);
        if (!body.Succeeded)
        {
            return body.Error;
        }

        try
        {
            return body.Value.Deserialize<T>(options) is { } value
                ? value
                : RequestErrors.Malformed("the body is null");
        }
        catch (JsonException e)
        {
            return RequestErrors.Malformed(
                $"the value at {e.Path ?? "$"} has the wrong type",
                new Dictionary<string, object?> { ["path"] = e.Path ?? "$" });
        }
    }

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>A JSON body of any shape (object, array for JSON Patch, ...); non-JSON content types are 415.</summary>
    public static async Task<Result<JsonNode>> ReadJsonNodeAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !IsJson(mediaType))
        {
            return RequestErrors.UnsupportedMediaType(request.ContentType, [Json]);
        }

        try
        {
            return await ParseJsonAsync(request, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            return RequestErrors.FromBadRequest(e, request.HttpContext);
        }
    }

    private static async Task<Result<JsonObject>> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var node = await ParseJsonAsync(request, cancellationToken);
        if (!node.Succeeded)
        {
            return node.Error;
        }

        return node.Value is JsonObject obj ? obj : NotAnObject(node.Value);
    }

    /// <summary>The 400 for a JSON body whose root is valid JSON of another kind (<c>false</c>, <c>"a"</c>, <c>0.0</c>, <c>[]</c>).</summary>
    public static TesseraError NotAnObject(JsonNode? root) =>
        RequestErrors.Malformed($"the body must be a JSON object, not {root?.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Number => "a number",
            JsonValueKind.String => "a string",
            JsonValueKind.Array => "an array",
            _ => "null",
        }}");

    private static bool IsDuplicateKey(JsonException e) =>
        e.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase);

    private static async Task<Result<JsonNode>> ParseJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Buffered (Kestrel caps it at serve.public.request_body_limit) because JsonNode validates UTF-8 inside strings
        // only when a value is read; checked up front, invalid UTF-8 is a 400 here instead of a surprise later.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        try
        {
            _ = StrictUtf8.GetCharCount(bytes.Span);
        }
        catch (DecoderFallbackException e)
        {
            return RequestErrors.Malformed(
                $"the body is not valid UTF-8 (byte {e.Index + 1})",
                new Dictionary<string, object?> { ["position"] = e.Index + 1 });
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes.Span, documentOptions: DocumentOptions);
        }
        catch (JsonException e) when (IsDuplicateKey(e))
        {
            return RequestErrors.Malformed(
                $"the body has a duplicate key at {e.Path ?? "$"}",
                new Dictionary<string, object?> { ["path"] = e.Path ?? "$" });
        }
        catch (JsonException e)
        {
            // Invalid UTF-8, truncation and syntax errors all land here, with where the reader stopped.
            return RequestErrors.Malformed(
                e.LineNumber is null ? "the body is not valid JSON" : $"the body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})",
                new Dictionary<string, object?> { ["line"] = e.LineNumber + 1, ["position"] = e.BytePositionInLine + 1 });
        }

        return node is null ? RequestErrors.Malformed("the body is null") : node;
    }
}
