/**
 * The commune plan of Sơn Kim 1 (Hà Tĩnh, commune code 18196) for the national low-emission crop
 * scheme (Decision 4024/QĐ-BNNMT), transcribed from ../shared/seeds/000_b63f50889e2770da.txt: the
 * 2035 targets of section II.2, the 2050 vision of II.3 and the three phases of section V as tasks.
 * The plan assigns the phases to no one department; they are led by the commune People's Committee
 * (section IV.1: "Chỉ đạo các phòng, ngành tổ chức thực hiện") with the Economic Office (IV.2). The
 * plan states no report date; the platform's 10 December is used and can be changed.
 */
import type { SeedPlan, SeedTask } from './seed-plan.ts';

const DOC = 'seeds/000_b63f50889e2770da.txt (KH xã Sơn Kim 1 triển khai Đề án 4024)';
const PHASES = [
  { code: '1', title: 'Giai đoạn 2025 - 2027 (Khởi động)', due: '2027-12-31', items: ['Triển khai các văn bản, hướng dẫn thực hiện; Tuyên truyền, phổ biến, đào tạo thực hiện chương trình', 'Khởi động mô hình điểm', 'Phối hợp xây dựng cơ sở dữ liệu và hệ thống MRV sơ cấp'] },
  { code: '2', title: 'Giai đoạn 2028 - 2030 (Nhân rộng và kiểm soát)', due: '2030-12-31', items: ['Nhân rộng mô hình canh tác carbon thấp', 'Tham gia thị trường carbon thử nghiệm', 'Đánh giá kết quả giữa kỳ và điều chỉnh kế hoạch'] },
  { code: '3', title: 'Giai đoạn 2031 - 2035 (Phát triển ổn định)', due: '2035-12-31', items: ['Phối hợp để hoàn thiện hệ thống giám sát quốc gia', 'Kết nối chuỗi giá trị carbon thấp với thị trường quốc tế', 'Hình thành vùng sản xuất carbon thấp theo chuỗi'] },
] as const;

const phaseTasks: SeedTask[] = PHASES.flatMap((phase) =>
  phase.items.map((title, i) => ({
    code: `${phase.code}.${i + 1}`,
    groupCode: phase.code,
    groupTitle: phase.title,
    title,
    leadAgency: 'UBND xã Sơn Kim 1',
    partnerAgencies: 'Phòng Kinh tế; Phòng Văn hóa; HTX NN Đại Thành; các thôn',
    deadlineText: phase.title,
    dueOn: phase.due,
    source: `${DOC}, mục V.${phase.code}; phân công theo mục IV`,
  })),
);

export const sonKim1Plan: SeedPlan = {
  code: 'son-kim-1-4024-low-emission-crops',
  nameVi: 'Kế hoạch triển khai thực hiện Đề án "Sản xuất giảm phát thải lĩnh vực trồng trọt giai đoạn 2025 - 2035, tầm nhìn đến 2050" của xã Sơn Kim 1',
  nameEn: 'Sơn Kim 1 commune plan for the scheme "Low-emission crop production 2025–2035, vision to 2050"',
  issuingBody: 'Ủy ban nhân dân xã Sơn Kim 1',
  decisionNumber: null,
  legalBasis: 'Quyết định số 4024/QĐ-BNNMT ngày 29/9/2025 của Bộ Nông nghiệp và Môi trường',
  scopeLevel: 'commune',
  provinceCode: '42',
  communeCode: '18196',
  periodStartYear: 2025,
  periodEndYear: 2035,
  reportDue: { month: 12, day: 10, source: `${DOC}: kế hoạch không ghi hạn báo cáo; dùng ngày 10/12, có thể sửa` },
  sourceDocument: DOC,
  descriptionVi: 'Mục tiêu cụ thể đến năm 2035 (mục II.2), tầm nhìn 2050 (mục II.3), nhiệm vụ (mục IV) và các giai đoạn thực hiện (mục V); tập trung vào lúa, sắn, mía, chuối (mục III).',
  descriptionEn: 'Specific targets to 2035 (section II.2), the 2050 vision (II.3), tasks (IV) and phases (V); focused on rice, cassava, sugarcane and banana (III).',
  indicators: [
    {
      code: 'sk.ghg_reduction_vs_2020',
      section: 'II.2',
      nameVi: 'Giảm tổng lượng phát thải khí nhà kính lĩnh vực trồng trọt so với năm cơ sở 2020',
      nameEn: 'Reduction of total crop-production GHG emissions against the 2020 base year',
      unit: '%',
      direction: 'increase',
      computation: 'computed:ghg_reduction_vs_base_year_pct',
      source: `${DOC}, mục II.2: "lĩnh vực trồng trọt sẽ góp phần giảm ít nhất 15% tổng lượng phát thải khí nhà kính (CC2tđ) so với năm cơ sở 2020"`,
      note: { vi: 'Cần nhập tổng phát thải năm 2020 của xã làm giá trị cơ sở.', en: 'Needs the commune\'s 2020 total emissions as the baseline.' },
      targets: [{ year: 2035, comparator: 'gte', value: 15, asWritten: 'ít nhất 15%' }],
    },
    {
      code: 'sk.replicable_models',
      section: 'II.2',
      nameVi: 'Số mô hình sản xuất trồng trọt giảm phát thải có khả năng nhân rộng',
      nameEn: 'Replicable low-emission crop production models',
      unit: 'models',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục II.2: "Tổ chức triển khai ít nhất 1-2 mô hình sản xuất trồng trọt giảm phát thải có khả năng nhân rộng"`,
      targets: [{ year: 2035, comparator: 'gte', value: 1, asWritten: 'ít nhất 1-2 mô hình' }],
    },
    {
      code: 'sk.carbon_credit_pilots',
      section: 'II.2',
      nameVi: 'Số mô hình canh tác thí điểm có khả năng phát triển tín chỉ các-bon',
      nameEn: 'Pilot farming models able to generate carbon credits',
      unit: 'models',
      direction: 'increase',
      computation: 'entered',
      source: `${DOC}, mục II.2: "thí điểm ít nhất 15 mô hình canh tác có khả năng phát triển tín chỉ các-bon"`,
      note: { vi: 'Con số giống chỉ tiêu toàn quốc của Đề án 4024; giữ nguyên như văn bản của xã.', en: 'The figure matches the national target of the 4024 scheme; kept as the commune wrote it.' },
      targets: [{ year: 2035, comparator: 'gte', value: 15, asWritten: 'ít nhất 15 mô hình' }],
    },
    {
      code: 'sk.training_coverage',
      section: 'II.2',
      nameVi: 'Tỷ lệ công chức, cán bộ kỹ thuật cơ sở, khuyến nông, nông dân, HTX được đào tạo, tập huấn',
      nameEn: 'Share of officials, local technical staff, extension staff, farmers and cooperatives trained',
      unit: '%',
      direction: 'increase',
      computation: 'computed:training_coverage_pct',
      params: { roles: ['commune_officer', 'technical_staff', 'extension_officer', 'farmer', 'cooperative'] },
      source: `${DOC}, mục II.2: "Tổ chức đào tạo, tập huấn về kỹ thuật, chính sách, nhận thức chung và công cụ đo phát thải cho công chức, cán bộ kỹ thuật cơ sở, khuyến nông, nông dân, HTX"`,
      note: { vi: 'Kế hoạch không nêu tỷ lệ mục tiêu.', en: 'The plan sets no target share.' },
      targets: [],
    },
    {
      code: 'sk.low_carbon_area_share',
      section: 'II.3',
      nameVi: 'Tỷ lệ diện tích trồng trọt áp dụng công nghệ canh tác carbon thấp',
      nameEn: 'Share of crop area under low-carbon farming technology',
      unit: '%',
      direction: 'increase',
      computation: 'computed:low_emission_share_pct',
      source: `${DOC}, mục II.3: "Phấn đấu 70% diện tích trồng trọt áp dụng công nghệ canh tác carbon thấp, hấp thụ và lưu giữ carbon"`,
      targets: [{ year: 2050, comparator: 'gte', value: 70, asWritten: '70% (tầm nhìn 2050)' }],
    },
  ],
  tasks: phaseTasks,
};
