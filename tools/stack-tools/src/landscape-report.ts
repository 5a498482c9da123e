/** The report of `npm run landscape`: a landscape's prerequisites, what it sets up, and the steps left to do by hand. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { RoleMember } from "btp-apim-transport-destination";
import { ContentTransportLandscapeStack, LandscapeConfig } from "@apim/stacks";

/** The landscape's stack as `cdktf deploy` builds it, never synthesized. */
function landscapeStack(config: LandscapeConfig): ContentTransportLandscapeStack {
  // An App makes its output folder when it is created: a temporary one, so the report leaves nothing.
  const outdir = mkdtempSync(join(tmpdir(), "apim-landscape-"));
  try {
    return new ContentTransportLandscapeStack(new App({ outdir, skipValidation: true }), config);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The landscape's report as Markdown, from its constructs. */
export function landscapeReport(config: LandscapeConfig): string {
  const { source, transport, stages, manualSteps, prerequisites } = landscapeStack(config).landscape;
  const variables = stages.map((stage, i) =>
    ContentTransportLandscapeStack.deployPasswordVariableOf(i, stage.nodeName),
  );
  const setVariables = variables.map((variable) => `${variable} (TF_VAR_${variable})`).join(", ");
  const list = (items: readonly string[]) => items.map((item, i) => `${i + 1}. ${item}`).join("\n");
  const named = (m: RoleMember) =>
    typeof m === "string"
      ? m
      : "group" in m
        ? `group ${m.group} (${m.origin})`
        : `${m.user} (${m.origin ?? "default"})`;
  const granted = (collection: string, members: readonly RoleMember[] = []) =>
    members.length === 0 ? [] : [`role collection ${collection} for ${members.map(named).join(", ")}`];
  const settings = config.landscape;
  const subaccount = (title: string, id: string, items: readonly string[]) =>
    `- ${title} subaccount ${id}: ${items.join("; ")}`;
  return [
    `# Landscape ${config.name}`,
    "",
    `## Before \`cdktf deploy ${config.name}\``,
    "",
    list([
      ...prerequisites,
      `Set ${setVariables} to the password of the deploy user${stages.length > 1 ? " of each stage, in order" : ""}, and the btp and cloudfoundry providers' credentials (BTP_USERNAME/BTP_PASSWORD, CF_USER/CF_PASSWORD).`,
    ]),
    "",
    "## What the deploy sets up",
    "",
    subaccount("Source", source.subaccountId, [
      `API portal instance and key, destination "${source.apiManagement.destinationName}"`,
      `Content Agent instance and key, destination "${source.contentAssemblyDestination.name}"`,
      `destination "${source.transportDestination.name}" from the transport service's key`,
      ...granted("APIPortal.Administrator", settings.source.apiPortalAdministrators),
      ...granted("APIPortal.Configurator", settings.source.apiPortalConfigurators),
    ]),
    subaccount("Transport", transport.subaccountId, [
      ...(transport.subscription ? ["subscription alm-ts (standard)"] : []),
      "transport service instance and key",
      ...stages.map(
        (stage) => `destination "${stage.deployDestinationName}" to ${stage.target.deployServiceUrl}`,
      ),
      ...granted("TMS_LandscapeOperator_RC", settings.transport.landscapeOperators),
      ...granted("TMS_Viewer_RC", settings.transport.viewers),
    ]),
    ...stages.map((stage, i) =>
      subaccount(
        stages.length > 1 ? `Target "${stage.nodeName}"` : "Target",
        stage.target.subaccountId,
        stage.target.spaceDeveloperRole
          ? [`Space Developer "${config.landscape.stages[i].deployUser}" in space ${stage.target.spaceId}`]
          : ["nothing: the transport subaccount calls its deploy service"],
      ),
    ),
    "",
    "## After the deploy: no provider can do these",
    "",
    list(manualSteps),
    "",
  ].join("\n");
}
