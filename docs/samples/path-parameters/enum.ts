import { createApp, t } from 'typefast'

const ModelName = t.Enum(['alexnet', 'resnet', 'lenet'], { $id: 'ModelName' })

export const app = createApp().get(
  '/models/{model_name}',
  { params: t.Object({ model_name: ModelName }) },
  function getModel({ params }) {
    // params.model_name is 'alexnet' | 'resnet' | 'lenet'
    if (params.model_name === 'alexnet') return { model_name: params.model_name, message: 'Deep Learning FTW!' }
    if (params.model_name === 'lenet') return { model_name: params.model_name, message: 'LeCNN all the images' }
    return { model_name: params.model_name, message: 'Have some residuals' }
  },
)
