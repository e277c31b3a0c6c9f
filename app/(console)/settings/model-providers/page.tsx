// Settings -> Model providers: OpenAI, Anthropic and OpenAI-compatible APIs, their models, and the system model.
import { ModelProvidersSettings } from "@/components/model-providers/model-providers-settings";

export default function ModelProvidersSettingsPage() {
  return <ModelProvidersSettings />;
}
