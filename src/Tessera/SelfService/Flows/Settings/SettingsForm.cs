// SPDX-License-Identifier: Apache-2.0
using Tessera.Identities;
using Tessera.Identities.Schemas;

namespace Tessera.SelfService.Flows.Settings;

/// <summary>What a method renders its nodes for: the flow (its form and internal context), the identity, its schema.</summary>
internal sealed record SettingsForm(Flow Flow, Identity Identity, IdentitySchema Schema);
