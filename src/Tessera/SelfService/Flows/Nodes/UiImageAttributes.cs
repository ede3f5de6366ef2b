// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows.Nodes;

/// <summary>An image, such as a TOTP QR code as a data URL.</summary>
internal sealed record UiImageAttributes(string Id, string Src, int Width, int Height) : UiNodeAttributes;
