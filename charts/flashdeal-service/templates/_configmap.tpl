{{/*
Non-secret environment of a service: its ports, OpenTelemetry settings and .Values.config (FLASHDEAL_* settings).
Secrets never go here: they come from existing Secrets through .Values.secretEnv / .Values.secretVolumes.
*/}}
{{- define "flashdeal-service.configmap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "flashdeal-service.fullname" . }}
  labels:
    {{- include "flashdeal-service.labels" . | nindent 4 }}
data:
  {{ .Values.portVariable }}: {{ .Values.port | quote }}
  {{- if .Values.internalPort }}
  {{ required "internalPortVariable must name the variable that sets internalPort" .Values.internalPortVariable }}: {{ .Values.internalPort | quote }}
  {{- end }}
  OTEL_JAVAAGENT_ENABLED: {{ .Values.global.otel.enabled | quote }}
  OTEL_SERVICE_NAME: {{ .Chart.Name | quote }}
  OTEL_RESOURCE_ATTRIBUTES: {{ printf "deployment.environment=%s,service.namespace=flashdeal" (include "flashdeal-service.variant" .) | quote }}
  OTEL_EXPORTER_OTLP_ENDPOINT: {{ .Values.global.otel.endpoint | quote }}
  OTEL_EXPORTER_OTLP_PROTOCOL: {{ .Values.global.otel.protocol | quote }}
  OTEL_METRIC_EXPORT_INTERVAL: "10000"
  {{- range $name, $value := .Values.config }}
  {{ $name }}: {{ tpl (toString $value) $ | quote }}
  {{- end }}
{{- end -}}
