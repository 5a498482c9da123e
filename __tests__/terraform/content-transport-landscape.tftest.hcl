# An independent `terraform test` of a content-transport landscape stack: made-up service keys for
# API portal, Content Agent and Cloud Transport Management go in, and the four destinations must come
# out as SAP's pages describe them. The expected values are written here from those pages, not from
# the constructs: APIManagement (3fd86c7), ContentAssemblyService (3a6a81e),
# TransportManagementService (795f733, 6c94d89) and TMSDeploy (6b7c9d8, 09b1eec).
#
# It holds for the landscape variant "landscape" of src/terraform-variants.ts, whose values it
# names: source node APIM_SOURCE, deploy user deploy-user@example.com, target space
# 6b7c8d9e-0f1a-4b2c-9d4e-5f6a7b8c9d0e behind https://api.cf.eu10.hana.ondemand.com.

mock_provider "btp" {}

# The provider checks that a service instance's plan and space are GUIDs (validation.ValidUUID()),
# under mock_provider too: Cloud Foundry's IDs are GUIDs, so the mocks' are.
mock_provider "cloudfoundry" {
  mock_data "cloudfoundry_service_plan" {
    defaults = { id = "9f8e7d6c-5b4a-4392-8a1b-0c9d8e7f6a5b" }
  }
  mock_resource "cloudfoundry_service_instance" {
    defaults = { id = "8e7d6c5b-4a39-4281-9f0a-1b2c3d4e5f6a" }
  }
}

# A failing check fails a test: the made-up token services answer as real ones would.
mock_provider "http" {
  mock_data "http" {
    defaults = { status_code = 200 }
  }
}

variables {
  tms_deploy_password = "made-up-deploy-password"
}

# Cloud Foundry returns a key's details as JSON with the key itself under "credentials". Keys come
# with and without a slash after the UAA's URL: the Content Agent's has one, the transport's not.
override_resource {
  target = cloudfoundry_service_credential_binding.content-transport_source_api-management_service-key_resource_FCA830DD
  values = {
    credential_binding = "{\"credentials\":{\"url\":\"https://apiportal.example.test\",\"tokenUrl\":\"https://source.authentication.example.test/oauth/token\",\"clientId\":\"sb-apiportal!t1\",\"clientSecret\":\"made-up-apiportal-secret\"}}"
  }
}

override_resource {
  target = cloudfoundry_service_credential_binding.content-transport_source_content-agent-key_resource_BDC9A713
  values = {
    credential_binding = "{\"credentials\":{\"url\":\"https://content-agent.example.test\",\"uaa\":{\"clientid\":\"sb-content-agent!b1\",\"clientsecret\":\"made-up-content-agent-secret\",\"url\":\"https://source.authentication.example.test/\"}}}"
  }
}

override_resource {
  target = cloudfoundry_service_credential_binding.content-transport_key_resource_B0FE5256
  values = {
    credential_binding = "{\"credentials\":{\"uri\":\"https://transport-service-app-backend.ts.cfapps.example.test\",\"uaa\":{\"clientid\":\"sb-tms!b2\",\"clientsecret\":\"made-up-tms-secret\",\"url\":\"https://transport.authentication.example.test\"}}}"
  }
}

run "four_destinations_as_sap_describes_them" {
  command = apply

  # Description is ours; tokenServiceURLType "Dedicated" is what 795f733 gives and the Destination
  # service's default for OAuth2ClientCredentials. Everything else must be exactly SAP's.
  assert {
    condition = {
      for k, v in jsondecode(btp_subaccount_destination_generic.content-transport_source_api-management_destination_resource_1490AD95.destination_configuration) :
      k => v if !contains(["Description", "tokenServiceURLType"], k)
      } == {
      Name            = "APIManagement"
      Type            = "HTTP"
      URL             = "https://apiportal.example.test/api/1.0/transportmodule/Transport"
      ProxyType       = "Internet"
      Authentication  = "OAuth2ClientCredentials"
      clientId        = "sb-apiportal!t1"
      clientSecret    = "made-up-apiportal-secret"
      tokenServiceURL = "https://source.authentication.example.test/oauth/token"
    }
    error_message = "APIManagement is not the destination of SAP's page 3fd86c7"
  }

  assert {
    condition = {
      for k, v in jsondecode(btp_subaccount_destination_generic.content-transport_source_content-assembly-destination_resource_7EE50E03.destination_configuration) :
      k => v if !contains(["Description", "tokenServiceURLType"], k)
      } == {
      Name            = "ContentAssemblyService"
      Type            = "HTTP"
      URL             = "https://content-agent.example.test"
      ProxyType       = "Internet"
      Authentication  = "OAuth2ClientCredentials"
      clientId        = "sb-content-agent!b1"
      clientSecret    = "made-up-content-agent-secret"
      tokenServiceURL = "https://source.authentication.example.test/oauth/token"
    }
    error_message = "ContentAssemblyService is not the destination of SAP's page 3a6a81e"
  }

  assert {
    condition = {
      for k, v in jsondecode(btp_subaccount_destination_generic.content-transport_source_transport-destination_resource_614B8291.destination_configuration) :
      k => v if k != "Description"
      } == {
      Name                = "TransportManagementService"
      Type                = "HTTP"
      URL                 = "https://transport-service-app-backend.ts.cfapps.example.test"
      ProxyType           = "Internet"
      Authentication      = "OAuth2ClientCredentials"
      clientId            = "sb-tms!b2"
      clientSecret        = "made-up-tms-secret"
      tokenServiceURL     = "https://transport.authentication.example.test/oauth/token"
      tokenServiceURLType = "Dedicated"
      sourceSystemId      = "APIM_SOURCE"
    }
    error_message = "TransportManagementService is not the destination of SAP's page 795f733"
  }

  assert {
    condition = {
      for k, v in jsondecode(btp_subaccount_destination_generic.content-transport_deploy-destination_B60D6AA8.destination_configuration) :
      k => v if k != "Description"
      } == {
      Name           = "TMSDeploy"
      Type           = "HTTP"
      URL            = "https://deploy-service.cf.eu10.hana.ondemand.com/slprot/6b7c8d9e-0f1a-4b2c-9d4e-5f6a7b8c9d0e/slp"
      ProxyType      = "Internet"
      Authentication = "BasicAuthentication"
      User           = "deploy-user@example.com"
      Password       = "made-up-deploy-password"
    }
    error_message = "TMSDeploy is not the destination of SAP's page 6b7c9d8"
  }

  # Three destinations in the source subaccount, one in the transport subaccount, none elsewhere.
  assert {
    condition = [
      btp_subaccount_destination_generic.content-transport_source_api-management_destination_resource_1490AD95.subaccount_id,
      btp_subaccount_destination_generic.content-transport_source_content-assembly-destination_resource_7EE50E03.subaccount_id,
      btp_subaccount_destination_generic.content-transport_source_transport-destination_resource_614B8291.subaccount_id,
      btp_subaccount_destination_generic.content-transport_deploy-destination_B60D6AA8.subaccount_id,
    ] == ["1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b"]
    error_message = "the destinations are not in the subaccounts SAP's steps put them in"
  }

  # Cloud Transport Management: the application subscribed and the service in the transport space.
  assert {
    condition     = btp_subaccount_subscription.content-transport_subscription_F36F56F5.app_name == "alm-ts" && btp_subaccount_subscription.content-transport_subscription_F36F56F5.plan_name == "standard"
    error_message = "the transport subaccount is not subscribed to alm-ts, plan standard"
  }

  assert {
    condition     = data.cloudfoundry_service_plan.content-transport_instance_plan_76FDE4E1.service_offering_name == "transport" && data.cloudfoundry_service_plan.content-transport_source_content-agent_plan_A65DF3C0.service_offering_name == "content-agent"
    error_message = "the service instances are not of the offerings transport and content-agent"
  }

  # Each subaccount entitled to the plans its objects use, and each instance of that plan (SAP's
  # prerequisites of 4f55441: API portal's apiportal-apiaccess, Content Agent, alm-ts and transport).
  assert {
    condition = toset([for e in [
      btp_subaccount_entitlement.content-transport_source_api-management_entitlement_resource_D7B4B272,
      btp_subaccount_entitlement.content-transport_source_content-agent-entitlement_00D7B912,
      btp_subaccount_entitlement.content-transport_alm-ts-entitlement_7FB21E5E,
      btp_subaccount_entitlement.content-transport_transport-entitlement_5668712B,
      ] : "${e.subaccount_id} ${e.service_name} ${e.plan_name}"]) == toset([
      "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f apimanagement-apiportal apiportal-apiaccess",
      "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f content-agent standard",
      "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b alm-ts standard",
      "3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b transport standard",
    ])
    error_message = "the subaccounts are not entitled to the plans SAP's prerequisites name"
  }

  assert {
    condition = toset([for p in [
      data.cloudfoundry_service_plan.content-transport_source_api-management_service-instance_plan_E1485BF4,
      data.cloudfoundry_service_plan.content-transport_source_content-agent_plan_A65DF3C0,
      data.cloudfoundry_service_plan.content-transport_instance_plan_76FDE4E1,
    ] : "${p.service_offering_name} ${p.name}"]) == toset(["apimanagement-apiportal apiportal-apiaccess", "content-agent standard", "transport standard"])
    error_message = "the service instances are not of the plans SAP's prerequisites name"
  }

  # The content transport reads and writes the source's API portal content as APIPortal.Administrator
  # (SAP's "Accessing API Management APIs Programmatically").
  assert {
    condition     = jsondecode(cloudfoundry_service_instance.content-transport_source_api-management_service-instance_resource_1CD66625.parameters) == { role = "APIPortal.Administrator" }
    error_message = "the API portal instance is not created with the role APIPortal.Administrator"
  }

  # The route leads from the source node to the destination node, never the other way (dddb749).
  assert {
    condition     = strcontains(output.manual_steps[2], "Source Node \"APIM_SOURCE\", Target Node \"APIM_TARGET\"")
    error_message = "the route is not from APIM_SOURCE to APIM_TARGET"
  }
}
