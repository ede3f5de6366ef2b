// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;

namespace Tessera.Identities.Admin;

/// <summary>How imported addresses are read: snake_case, as the admin API writes them.</summary>
internal static class AddressJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
