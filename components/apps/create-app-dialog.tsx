"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { AppIcon } from "./app-icon";
import { IconPicker } from "./icon-picker";
import { appTypeInfo, iconBackgrounds, iconChoices, type AppTypeName } from "./app-types";
import { useOpenNewApp } from "./use-open-new-app";

/** Opens from its trigger, or from outside with `open` (the checklist's "Create an app" link, /apps?create=1). */
export function CreateAppDialog({
  trigger,
  open: openFromOutside,
  onOpenChange,
}: {
  trigger: React.ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const [openHere, setOpenHere] = useState(false);
  const open = openFromOutside ?? openHere;
  const setOpen = (next: boolean) => (onOpenChange ? onOpenChange(next) : setOpenHere(next));
  const [type, setType] = useState<AppTypeName>("agent");
  const [name, setName] = useState("");
  const [icon, setIcon] = useState(iconChoices[0]!);
  const [iconBackground, setIconBackground] = useState(iconBackgrounds[0]!);
  const [description, setDescription] = useState("");
  const openNewApp = useOpenNewApp(() => setOpen(false));
  const create = useMutation(trpc.apps.create.mutationOptions({ onSuccess: openNewApp }));

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ type, name, icon, iconBackground, description });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), next || create.reset())}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <form onSubmit={submit} className="grid gap-5">
          <DialogHeader>
            <DialogTitle>Create app</DialogTitle>
            <DialogDescription>Pick a type; you can change everything else later.</DialogDescription>
          </DialogHeader>
          <fieldset className="grid gap-2 sm:grid-cols-3">
            <legend className="mb-2 text-sm font-medium">Type</legend>
            {(Object.keys(appTypeInfo) as AppTypeName[]).map((key) => {
              const info = appTypeInfo[key];
              return (
                <label
                  key={key}
                  className={cn(
                    "flex cursor-pointer flex-col gap-1 rounded-lg border p-3 text-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                    type === key ? "border-primary bg-primary/5" : "hover:bg-accent",
                  )}
                >
                  <input type="radio" name="type" value={key} checked={type === key} onChange={() => setType(key)} className="sr-only" />
                  <info.icon aria-hidden className="size-4 text-primary" />
                  <span className="font-medium">{info.label}</span>
                  <span className="text-xs text-muted-foreground">{info.description}</span>
                </label>
              );
            })}
          </fieldset>
          <div className="flex items-end gap-3">
            <AppIcon icon={icon} background={iconBackground} className="size-11" />
            <Field label="Name" className="flex-1" error={create.error?.message}>
              <Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="Weather assistant" autoFocus />
            </Field>
          </div>
          <IconPicker choices={iconChoices} icon={icon} background={iconBackground} onIconChange={setIcon} onBackgroundChange={setIconBackground} preview={false} />
          <Field label="Description" optional>
            <Textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} maxLength={500} />
          </Field>
          <FormDialogFooter submitLabel="Create app" pending={create.isPending} onCancel={() => setOpen(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
