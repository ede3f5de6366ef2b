// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Serialization;

namespace Tessera.SelfService.Flows.Nodes;

/// <summary>A node's attributes; <c>node_type</c> tells which kind (Kratos's discriminator).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "node_type")]
[JsonDerivedType(typeof(UiInputAttributes), "input")]
[JsonDerivedType(typeof(UiTextAttributes), "text")]
[JsonDerivedType(typeof(UiImageAttributes), "img")]
[JsonDerivedType(typeof(UiAnchorAttributes), "a")]
[JsonDerivedType(typeof(UiScriptAttributes), "script")]
internal abstract record UiNodeAttributes;
