// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Permissions.Namespaces;

/// <summary>One configured namespace, in Keto's legacy shape <c>{id, name}</c>; tuples refer to it by name.</summary>
internal sealed record RelationNamespace(int Id, string Name);
