// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Flows;

/// <summary>The wire names of flow kinds and types (<c>login</c>, <c>browser</c>, ...).</summary>
internal static class FlowNames
{
    public static string Of(FlowKind kind) => kind.ToString().ToLowerInvariant();

    public static string Of(FlowType type) => type == FlowType.Api ? "api" : "browser";

    public static FlowKind ParseKind(string name) => Enum.Parse<FlowKind>(name, ignoreCase: true);

    public static FlowType ParseType(string name) => name == "api" ? FlowType.Api : FlowType.Browser;
}
