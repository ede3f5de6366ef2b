// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;

namespace Tessera.Identities;

/// <summary>
/// One credential of an identity (<c>password</c>, <c>code</c>, ...): the identifiers it answers to (unique per
/// project and type) and its method-specific configuration, which holds secrets and is never returned unless an
/// admin asks for it with <c>include_credential</c>.
/// </summary>
internal sealed class IdentityCredential
{
    public Guid Id { get; set; }

    public required string Type { get; set; }

    public List<string> Identifiers { get; set; } = [];

    public JsonObject Config { get; set; } = [];

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
