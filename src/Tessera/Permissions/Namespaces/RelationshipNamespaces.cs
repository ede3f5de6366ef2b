// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Permissions.Namespaces;

/// <summary>Keto's <c>relationshipNamespaces</c>.</summary>
internal sealed record RelationshipNamespaces(IReadOnlyList<NamespaceName> Namespaces);
