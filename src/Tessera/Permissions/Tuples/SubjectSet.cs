// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Permissions.Tuples;

/// <summary>A subject that is itself a set: everyone with <c>relation</c> on <c>namespace:object</c>.</summary>
internal sealed record SubjectSet(string Namespace, string Object, string Relation)
{
    public override string ToString() => $"{Namespace}:{Object}#{Relation}";
}
