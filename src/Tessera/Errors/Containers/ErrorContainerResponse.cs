// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Errors.Containers;

/// <summary>Kratos's <c>flowError</c>: <c>{"id", "error", "created_at", "updated_at"}</c>.</summary>
internal sealed record ErrorContainerResponse(Guid Id, JsonNode Error, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
