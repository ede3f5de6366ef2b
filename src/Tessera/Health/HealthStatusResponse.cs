// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Health;

/// <summary>Kratos's health body: <c>{"status":"ok"}</c>.</summary>
internal sealed record HealthStatusResponse(string Status);
