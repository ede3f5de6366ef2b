// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Rendering;

/// <summary>
/// Endpoint metadata: errors of this endpoint are never turned into an error-UI redirect (the built-in pages render
/// their own HTML; redirecting the error page's failures to the error page would loop).
/// </summary>
internal sealed class NoErrorUiRedirectMetadata
{
    public static readonly NoErrorUiRedirectMetadata Instance = new();
}
