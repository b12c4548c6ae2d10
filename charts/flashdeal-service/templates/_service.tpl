{{- define "flashdeal-service.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "flashdeal-service.fullname" . }}
  labels:
    {{- include "flashdeal-service.labels" . | nindent 4 }}
spec:
  type: {{ .Values.service.type }}
  selector:
    {{- include "flashdeal-service.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .Values.port }}
      targetPort: http
      protocol: TCP
      {{- if and (eq .Values.service.type "NodePort") .Values.service.nodePort }}
      nodePort: {{ .Values.service.nodePort }}
      {{- end }}
    {{- if .Values.internalPort }}
    - name: internal
      port: {{ .Values.internalPort }}
      targetPort: internal
      protocol: TCP
    {{- end }}
{{- end -}}
