import { Bot, FileText, MessageSquareCode, MessagesSquare, Workflow } from "lucide-react";

export const appTypeInfo = {
  chat: { label: "Chat", icon: MessagesSquare, description: "A conversation with a prompt and a model." },
  agent: { label: "Agent", icon: Bot, description: "Reasons over several rounds and calls tools." },
  completion: { label: "Text generator", icon: FileText, description: "One-shot text from a prompt template." },
  workflow: { label: "Workflow", icon: Workflow, description: "Steps on a canvas, from an input form to named outputs." },
  chatflow: { label: "Chatflow", icon: MessageSquareCode, description: "A workflow that answers in a conversation." },
} as const;

export type AppTypeName = keyof typeof appTypeInfo;

export const iconBackgrounds = ["#E0E7FF", "#FCE7F3", "#DCFCE7", "#FEF3C7", "#E0F2FE", "#F3E8FF", "#FFE4E6", "#E5E7EB"];
export const iconChoices = ["🤖", "💬", "🧠", "📝", "🔎", "📊", "🛠️", "🌤️", "📚", "⚡", "🎯", "🧪"];
