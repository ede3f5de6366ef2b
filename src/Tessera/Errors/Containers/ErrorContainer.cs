// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Errors.Containers;

/// <summary>
/// A persisted user-facing error (Kratos's <c>flowError</c>): the error object as the envelope would carry it, and
/// the hash of the CSRF cookie of the browser that met it.
/// </summary>
internal sealed record ErrorContainer(
    Guid Id,
    JsonNode Error,
    string? CsrfTokenHash,
    DateTimeOffset? SeenAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
