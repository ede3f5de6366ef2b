// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Identities.Schemas;

/// <summary>
/// One leaf trait of a schema, as the flows need it to render an input node and to find identifiers:
/// <c>Name</c> is the form name (<c>traits.name.first</c>), <c>Pointer</c> the JSON pointer messages use
/// (<c>#/traits/name/first</c>). For an array of values <see cref="IsArray"/> is set and the type is the items' type.
/// </summary>
internal sealed record TraitField(
    string Name,
    string Pointer,
    IReadOnlyList<string> Path,
    string JsonType,
    string? Format,
    string? Title,
    bool Required,
    bool IsArray,
    string? Pattern,
    int? MinLength,
    int? MaxLength,
    TraitExtension Extension);
