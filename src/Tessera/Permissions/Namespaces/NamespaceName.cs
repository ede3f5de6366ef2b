// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Permissions.Namespaces;

/// <summary>Keto's <c>namespace</c> as listed: its name only.</summary>
internal sealed record NamespaceName(string Name);
