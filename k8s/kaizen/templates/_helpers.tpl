{{/* Chart name, overridable. */}}
{{- define "kaizen.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-scoped base name: "<release>" when it already contains the chart name, else "<release>-<chart>". */}}
{{- define "kaizen.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "kaizen.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object of the release. */}}
{{- define "kaizen.labels" -}}
helm.sh/chart: {{ include "kaizen.chart" . }}
app.kubernetes.io/name: {{ include "kaizen.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: kaizen
{{- end }}

{{/*
Per-service helpers take (dict "root" $ "name" "<service>").
*/}}
{{- define "kaizen.componentName" -}}
{{- printf "%s-%s" (include "kaizen.fullname" .root) .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "kaizen.componentSelectorLabels" -}}
app.kubernetes.io/name: {{ include "kaizen.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "kaizen.componentLabels" -}}
{{ include "kaizen.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/* Image reference from (dict "root" $ "image" <image values>). */}}
{{- define "kaizen.image" -}}
{{- $registry := .root.Values.image.registry }}
{{- $tag := .image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- if $registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" $registry) .image.repository $tag }}
{{- else }}
{{- printf "%s:%s" .image.repository $tag }}
{{- end }}
{{- end }}

{{- define "kaizen.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "kaizen.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* In-cluster base URL of a service, from (dict "root" $ "name" "<service>" "port" <port>). */}}
{{- define "kaizen.serviceUrl" -}}
{{- printf "http://%s:%v" (include "kaizen.componentName" .) .port }}
{{- end }}

{{/* KAIZEN_<SERVICE>_URL for a service name: auth-service -> KAIZEN_AUTH_URL. */}}
{{- define "kaizen.urlEnvName" -}}
{{- printf "KAIZEN_%s_URL" (trimSuffix "-service" . | replace "-" "_" | upper) }}
{{- end }}

{{/* The token issuer: configured, or the auth-service's in-cluster URL. */}}
{{- define "kaizen.jwtIssuer" -}}
{{- if .Values.jwt.issuer }}
{{- .Values.jwt.issuer }}
{{- else }}
{{- $auth := required "services.auth-service is needed to derive jwt.issuer; set jwt.issuer" (index .Values.services "auth-service") }}
{{- include "kaizen.serviceUrl" (dict "root" . "name" "auth-service" "port" $auth.port) }}
{{- end }}
{{- end }}

{{- define "kaizen.jwksUri" -}}
{{- if .Values.jwt.jwksUri }}
{{- .Values.jwt.jwksUri }}
{{- else }}
{{- $auth := required "services.auth-service is needed to derive jwt.jwksUri; set jwt.jwksUri" (index .Values.services "auth-service") }}
{{- printf "%s/.well-known/jwks.json" (include "kaizen.serviceUrl" (dict "root" . "name" "auth-service" "port" $auth.port)) }}
{{- end }}
{{- end }}
