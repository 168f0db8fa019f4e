/** The words of the report files, in Vietnamese and English (the web app has its own catalogue). */
import type { Localised } from '@dongxanh/contracts';

const l = (vi: string, en: string): Localised => ({ vi, en });

export const SEASON_NAMES: Record<string, Localised> = {
  dong_xuan: l('Đông Xuân', 'Winter–Spring'),
  he_thu: l('Hè Thu', 'Summer–Autumn'),
  thu_dong: l('Thu Đông', 'Autumn–Winter'),
  xuan_he: l('Xuân Hè', 'Spring–Summer'),
  mua: l('Vụ Mùa', 'Main (wet) season'),
  other: l('Vụ khác', 'Other cycle'),
};

export const WATER_REGIMES: Record<string, Localised> = {
  continuously_flooded: l('Ngập liên tục', 'Continuously flooded'),
  single_drainage: l('Rút nước một lần', 'Single drainage'),
  multiple_drainage: l('Rút nước nhiều lần / ướt khô xen kẽ', 'Multiple drainage / AWD'),
  unknown: l('Chưa xác định chế độ nước', 'Water regime unknown'),
  '': l('Không áp dụng (cây trồng cạn)', 'Not applicable (non-flooded crop)'),
};

export const STRAW_PRACTICES: Record<string, Localised> = {
  burnt: l('Đốt rơm rạ', 'Straw burnt'),
  removed: l('Thu gom rơm khỏi ruộng', 'Straw collected off the field'),
  incorporated: l('Vùi rơm vào đất', 'Straw incorporated'),
  left: l('Để rơm trên mặt ruộng', 'Straw left on the surface'),
  none: l('Không ghi nhận rơm rạ', 'No straw record'),
};

export const STATUS: Record<string, Localised> = {
  met: l('Đạt', 'Met'),
  not_met: l('Chưa đạt', 'Not met'),
  no_data: l('Chưa có số liệu', 'No data'),
  no_target: l('Chưa có chỉ tiêu', 'No target'),
};

export const TASK_STATUS: Record<string, Localised> = {
  not_started: l('Chưa thực hiện', 'Not started'),
  in_progress: l('Đang thực hiện', 'In progress'),
  done: l('Hoàn thành', 'Done'),
  cancelled: l('Đã hủy', 'Cancelled'),
};

export const REPORT_STATUS: Record<string, Localised> = {
  draft: l('Dự thảo', 'Draft'),
  reviewed: l('Đã rà soát', 'Reviewed'),
  submitted: l('Đã gửi', 'Submitted'),
  returned: l('Bị trả lại', 'Returned'),
};

export const TARGET_KIND: Record<string, Localised> = {
  explicit: l('theo kế hoạch', 'as in the plan'),
  interpolated: l('nội suy giữa các mốc', 'interpolated between milestones'),
  next: l('mốc kế tiếp', 'next milestone'),
  carried: l('mốc cuối', 'last milestone'),
};

export const TRAINING_ROLES: Record<string, Localised> = {
  extension_officer: l('Cán bộ khuyến nông', 'Extension officers'),
  technical_staff: l('Cán bộ kỹ thuật cơ sở', 'Local technical staff'),
  commune_officer: l('Công chức xã', 'Commune officials'),
  manager: l('Cán bộ quản lý', 'Managers'),
  core_farmer: l('Nông dân nòng cốt', 'Core farmers'),
  farmer: l('Nông dân', 'Farmers'),
  cooperative: l('Hợp tác xã, tổ hợp tác', 'Cooperatives'),
  enterprise: l('Doanh nghiệp', 'Enterprises'),
  other: l('Khác', 'Other'),
};

export const CONSOLIDATION_KINDS: Record<string, Localised> = {
  lease: l('Thuê quyền sử dụng đất', 'Lease'),
  transfer: l('Chuyển nhượng', 'Transfer'),
  capital_contribution: l('Góp vốn bằng quyền sử dụng đất', 'Capital contribution'),
};

/** Units as the plans write them. */
export const UNITS: Record<string, Localised> = {
  ha: l('ha', 'ha'),
  '%': l('%', '%'),
  'kg/ha': l('kg/ha', 'kg/ha'),
  ta_per_ha: l('tạ/ha', 'quintal/ha'),
  'ta/ha': l('tạ/ha', 'quintal/ha (100 kg)'),
  t: l('tấn', 't'),
  products: l('sản phẩm', 'products'),
  models: l('mô hình', 'models'),
  packages: l('gói kỹ thuật', 'packages'),
  zones: l('khu', 'zones'),
  billion_vnd: l('tỷ đồng', 'billion VND'),
};
export const unitLabel = (unit: string): Localised => UNITS[unit] ?? l(unit, unit);

/** Decimals a figure of this unit is shown with. */
export const digitsOf = (unit: string) => (unit === 't' || unit === 'products' || unit === 'models' || unit === 'packages' || unit === 'zones' || unit === 'billion_vnd' ? 0 : 1);

export { l as localised };
