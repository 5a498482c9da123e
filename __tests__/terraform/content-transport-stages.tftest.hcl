# An independent `terraform test` of a landscape of three nodes in one stack: a development source,
# then test, then production (SAP's "Sample Configuration Scenario" 22e1ed6). Made-up service keys go
# in; the source's three destinations and one deploy destination per target stage must come out as
# SAP's pages describe them, in the subaccounts SAP's steps put them in, and the routes must lead from
# node to node in transport order. The expected values are written here from those pages and from the
# landscape variant "landscape-stages" of src/terraform-variants.ts, not from the constructs:
# TransportManagementService (795f733), the deploy destinations (6b7c9d8 with basic authentication,
# a26a721 with OAuth2Password: `https://deploy-service.<domain>/slprot/<space-guid>/slp`, the domain
# that of the space's Cloud Foundry API endpoint), routes (dddb749: a node is the target of one route
# only).

mock_provider "btp" {}

# The provider checks that a service instance's plan and space are GUIDs, under mock_provider too.
mock_provider "cloudfoundry" {
  mock_data "cloudfoundry_service_plan" {
    defaults = { id = "9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b" }
  }
  mock_resource "cloudfoundry_service_instance" {
    defaults = { id = "8e7d6c5b-4a39-4281-9f0a-1b2c3d4e5f6a" }
  }
}

# Production's space is behind its region's API endpoint: its role goes through a provider of its own.
mock_provider "cloudfoundry" {
  alias = "target_APIM_PROD"
}

mock_provider "http" {
  mock_data "http" {
    defaults = { status_code = 200 }
  }
}

# The first stage's password keeps the one name a landscape of one target has; a later stage's is
# named after its node.
variables {
  tms_deploy_password           = "made-up-test-password"
  tms_deploy_password_APIM_PROD = "made-up-prod-password"
}

override_resource {
  target = cloudfoundry_service_credential_binding.content-transport_source_api-management_service-key_resource_FCA830DD
  values = {
    credential_binding = "{\"credentials\":{\"url\":\"https://apiportal.example.test\",\"tokenUrl\":\"https://dev.authentication.example.test/oauth/token\",\"clientId\":\"sb-apiportal!t1\",\"clientSecret\":\"made-up-apiportal-secret\"}}"
  }
}

override_resource {
  target = cloudfoundry_service_credential_binding.content-transport_source_content-agent-key_resource_BDC9A713
  values = {
    credential_binding = "{\"credentials\":{\"url\":\"https://content-agent.example.test\",\"uaa\":{\"clientid\":\"sb-content-agent!b1\",\"clientsecret\":\"made-up-content-agent-secret\",\"url\":\"https://dev.authentication.example.test\"}}}"
  }
}

override_resource {
  target = cloudfoundry_service_credential_binding.content-transport_key_resource_B0FE5256
  values = {
    credential_binding = "{\"credentials\":{\"uri\":\"https://transport-service-app-backend.ts.cfapps.example.test\",\"uaa\":{\"clientid\":\"sb-tms!b2\",\"clientsecret\":\"made-up-tms-secret\",\"url\":\"https://transport.authentication.example.test/\"}}}"
  }
}

run "one_deploy_destination_per_stage_and_the_routes_in_order" {
  command = apply

  # Every destination of the stack by subaccount and name: three in the source (development)
  # subaccount, one per stage in the transport subaccount, none in the stages' own subaccounts.
  assert {
    condition = toset([for d in [
      btp_subaccount_destination_generic.content-transport_source_api-management_destination_resource_1490AD95,
      btp_subaccount_destination_generic.content-transport_source_content-assembly-destination_resource_7EE50E03,
      btp_subaccount_destination_generic.content-transport_source_transport-destination_resource_614B8291,
      btp_subaccount_destination_generic.content-transport_deploy-destination_B60D6AA8,
      btp_subaccount_destination_generic.content-transport_deploy-destination-TMSDeploy_APIM_PROD_3B7920AD,
      ] : "${d.subaccount_id} ${jsondecode(d.destination_configuration).Name}"]) == toset([
      "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e01 APIManagement",
      "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e01 ContentAssemblyService",
      "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e01 TransportManagementService",
      "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e03 TMSDeploy",
      "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e03 TMSDeploy_APIM_PROD",
    ])
    error_message = "the destinations are not the source's three and one per stage in the transport subaccount"
  }

  # The source's destination to Cloud Transport Management names the development node.
  assert {
    condition     = jsondecode(btp_subaccount_destination_generic.content-transport_source_transport-destination_resource_614B8291.destination_configuration).sourceSystemId == "APIM_DEV"
    error_message = "TransportManagementService does not name the source node APIM_DEV"
  }

  assert {
    condition = {
      for k, v in jsondecode(btp_subaccount_destination_generic.content-transport_deploy-destination_B60D6AA8.destination_configuration) :
      k => v if k != "Description"
      } == {
      Name           = "TMSDeploy"
      Type           = "HTTP"
      URL            = "https://deploy-service.cf.eu10.hana.ondemand.com/slprot/7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e06/slp"
      ProxyType      = "Internet"
      Authentication = "BasicAuthentication"
      User           = "test-deployer@example.com"
      Password       = "made-up-test-password"
    }
    error_message = "the test stage's deploy destination is not SAP's of page 6b7c9d8 for the test space"
  }

  # Production runs in another region, its deploy user from a custom identity provider: SAP's
  # OAuth2Password destination (a26a721), client ID "cf" and no client secret, the token service the
  # region's Cloud Foundry login ("api" replaced by "login"), the identity provider's origin added.
  assert {
    condition = {
      for k, v in jsondecode(btp_subaccount_destination_generic.content-transport_deploy-destination-TMSDeploy_APIM_PROD_3B7920AD.destination_configuration) :
      k => v if k != "Description"
      } == {
      Name            = "TMSDeploy_APIM_PROD"
      Type            = "HTTP"
      URL             = "https://deploy-service.cf.us10-001.hana.ondemand.com/slprot/7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e08/slp"
      ProxyType       = "Internet"
      Authentication  = "OAuth2Password"
      User            = "prod-deployer@example.com"
      Password        = "made-up-prod-password"
      clientId        = "cf"
      tokenServiceURL = "https://login.cf.us10-001.hana.ondemand.com"
      origin          = "acme-platform"
    }
    error_message = "the production stage's deploy destination is not SAP's OAuth2Password destination of page a26a721"
  }

  # The nodes, each with the destination it deploys through, then the routes from node to node.
  assert {
    condition     = length(output.manual_steps) == 5
    error_message = "not three nodes and two routes"
  }

  assert {
    condition     = strcontains(output.manual_steps[0], "source node: Name \"APIM_DEV\", Allow Upload to Node on")
    error_message = "the first step is not the development source node"
  }

  assert {
    condition     = strcontains(output.manual_steps[1], "Name \"APIM_TEST\"") && strcontains(output.manual_steps[1], "Destination \"TMSDeploy\"") && strcontains(output.manual_steps[1], "Forward Mode \"Pre-Import\"")
    error_message = "the test node does not deploy through TMSDeploy and forward to production"
  }

  assert {
    condition     = strcontains(output.manual_steps[2], "Name \"APIM_PROD\"") && strcontains(output.manual_steps[2], "Destination \"TMSDeploy_APIM_PROD\"")
    error_message = "the production node does not deploy through TMSDeploy_APIM_PROD"
  }

  assert {
    condition     = strcontains(output.manual_steps[3], "Name \"APIM_DEV_to_APIM_TEST\", Source Node \"APIM_DEV\", Target Node \"APIM_TEST\"")
    error_message = "the first route does not lead from APIM_DEV to APIM_TEST"
  }

  assert {
    condition     = strcontains(output.manual_steps[4], "Name \"API_portal_release\", Source Node \"APIM_TEST\", Target Node \"APIM_PROD\"")
    error_message = "the second route does not lead from APIM_TEST to APIM_PROD"
  }

  # Each stage's deploy user is Space Developer in the stage's space (6b7c9d8: "must have the role
  # SpaceDeveloper in the target space"), production's from its identity provider, through the
  # provider of production's API endpoint.
  assert {
    condition = toset([for r in [
      cloudfoundry_space_role.content-transport_target_space-developer_9E018619,
      cloudfoundry_space_role.content-transport_target-APIM_PROD_space-developer_062649D9,
      ] : "${r.type} ${r.space} ${r.username} ${r.origin}"]) == toset([
      "space_developer 7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e06 test-deployer@example.com sap.ids",
      "space_developer 7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e08 prod-deployer@example.com acme-platform",
    ])
    error_message = "the stages' deploy users are not Space Developers in their own spaces"
  }

  # Who transports gets API portal's role collections in the source subaccount (f3049e2); who
  # operates and who watches the landscape, the delivered ones in the transport subaccount (eb134e0).
  assert {
    condition = toset([for a in [
      btp_subaccount_role_collection_assignment.content-transport_source_api-portal-administrator-releasemanagerexamplecom_22935F2D,
      btp_subaccount_role_collection_assignment.content-transport_source_api-portal-configurator-group-APIM-Transportersacme-platform_16C424C3,
      btp_subaccount_role_collection_assignment.content-transport_landscape-operator-operatorexamplecom_E55BB3D8,
      btp_subaccount_role_collection_assignment.content-transport_viewer-auditorexamplecomacme-platform_00952209,
      ] : "${a.subaccount_id} ${a.role_collection_name} ${coalesce(a.user_name, a.group_name)}"]) == toset([
      "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e01 APIPortal.Administrator release.manager@example.com",
      "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e01 APIPortal.Configurator APIM-Transporters",
      "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e03 TMS_LandscapeOperator_RC operator@example.com",
      "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e03 TMS_Viewer_RC auditor@example.com",
    ])
    error_message = "the role collections are not assigned as the landscape lists them, in the subaccounts SAP names"
  }

  # A group and a user of a custom identity provider come with its origin; a group as a group.
  assert {
    condition = [
      btp_subaccount_role_collection_assignment.content-transport_source_api-portal-configurator-group-APIM-Transportersacme-platform_16C424C3.group_name,
      btp_subaccount_role_collection_assignment.content-transport_source_api-portal-configurator-group-APIM-Transportersacme-platform_16C424C3.origin,
      btp_subaccount_role_collection_assignment.content-transport_viewer-auditorexamplecomacme-platform_00952209.origin,
    ] == ["APIM-Transporters", "acme-platform", "acme-platform"]
    error_message = "the custom identity provider's group and user are not assigned with its origin"
  }

  assert {
    condition = output.deploy_service_urls == {
      APIM_TEST = "https://deploy-service.cf.eu10.hana.ondemand.com/slprot/7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e06/slp"
      APIM_PROD = "https://deploy-service.cf.us10-001.hana.ondemand.com/slprot/7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e08/slp"
    }
    error_message = "the stages' deploy services are not their spaces'"
  }
}
