{{/* Names and labels only (house style); the resource shapes live in the other files of this library. */}}

{{/* The object name. One release per namespace, so services are reachable by their chart name (http://auth-service:8081). */}}
{{- define "flashdeal-service.fullname" -}}
{{- default .Chart.Name .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "flashdeal-service.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "flashdeal-service.labels" -}}
{{ include "flashdeal-service.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: service
app.kubernetes.io/part-of: flashdeal
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
flashdeal.io/variant: {{ include "flashdeal-service.variant" . | quote }}
{{- end -}}

{{/* The variant name (deployment.environment in telemetry): the umbrella chart sets global.variant. */}}
{{- define "flashdeal-service.variant" -}}
{{- required "global.variant must name the variant (e.g. phase1-db-atomic)" .Values.global.variant -}}
{{- end -}}
