/**
 * The example project config printed by `slipway init-config`: every option, with what
 * it does. It must parse and validate as is (tested), so it never drifts from the schema.
 */
export const EXAMPLE_CONFIG = `# Slipway project config — use with: slipway create <dir> --config setup.yaml
# Schema: packages/core/schemas/project-config.json (editors can validate with $schema).

# Built-in template name (slipway templates list) or a path to a template folder.
template: saas

project:
  # Package scope and cloud resource prefix: packages become @ai-mod/api, @ai-mod/module-kb.
  name: ai-mod
  # Repository and folder name, separate from the scope. Default: the project name.
  repoName: ai-mod-stack
  # Human-readable name and description used in READMEs and page titles.
  displayName: AI Mod
  description: Internal knowledge base with sign-in

# Modules to include (slipway templates show saas). Omit for the template's default;
# [] for none. Modules that others require are added for you.
modules: [access, kb]

# Per-module settings, validated against each module's parameters.
moduleSettings: {}

# Answers to the template's parameters (same as --set key=value).
answers:
  port: 3000
  awsRegion: us-east-1

# Identity provider of the generated app, seeded into its database by \`db:seed\`.
# provider: local (the access module) | oidc | okta | clerk | none
auth:
  provider: local
  allowedDomains: []
  # For oidc / okta:
  # issuer: https://example.okta.com/oauth2/default
  # clientId: 0oa1example
  # Secrets are never stamped into the project. Give them inline, from the
  # environment at create time, or by name from the Slipway secrets store:
  # clientSecret: { env: OKTA_CLIENT_SECRET }
  # clientSecret: { secret: okta-client-secret }

# AI providers the generated app may call; keys go to .env.local as AI_<NAME>_API_KEY.
ai:
  providers: []
  # - name: main
  #   kind: openai            # openai | anthropic | bedrock | openai-compatible
  #   model: gpt-4o-mini
  #   baseUrl: https://api.openai.com/v1
  #   apiKey: { env: OPENAI_API_KEY }

# Per-environment settings used by the Terraform variables and CORS.
environments:
  dev:
    awsRegion: us-east-1
    allowedOrigins: []        # empty: "*" in dev
  # prd:
  #   awsRegion: us-east-1
  #   domain: app.example.com
  #   allowedOrigins: [https://app.example.com]
`;
